package io.contractflow.contract;

import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.paging.CappedPage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaSubQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Component;

/**
 * One page of contracts for a list, at a cost that does not grow with the table
 * (docs/benchmarks.md, "Cost as work grows").
 *
 * <ul>
 *   <li><b>Access:</b> a caller who does not read everything sees what they own and what is shared
 *       with them or their groups. The shared ids are looked up first (one index lookup) and the
 *       list asks for {@code owner = ? or id in (...)}: PostgreSQL can then either walk the sort's
 *       index testing each row (an owner of many contracts) or OR two index lookups into one bitmap
 *       (a reader of few among millions). The correlated {@code exists (share ...)} it replaces
 *       allows only the first, so a reader of a thousand contracts among a million walked the
 *       table. Beyond {@link #LISTED_SHARES} shares the list falls back to that form.
 *   <li><b>Count:</b> the total is counted only when the page does not tell it (a first or last
 *       page that is not full), and then only up to {@link #COUNT_LIMIT}: {@code select count(*)
 *       from (select c.id ... limit 10001)}. Above it the page says its total is not exact.
 *   <li>The page's contracts come with their counterparties in the same statement (a join).
 * </ul>
 */
@Component
class ContractPages {

  /** Totals are exact up to this many contracts. */
  static final int COUNT_LIMIT = 10_000;

  /** Up to this many shares a caller's shared contracts are listed by id. */
  static final int LISTED_SHARES = 1_000;

  private final EntityManager entityManager;
  private final ContractShareRepository shares;
  private final int countLimit;
  private final int listedShares;

  @Autowired
  ContractPages(EntityManager entityManager, ContractShareRepository shares) {
    this(entityManager, shares, COUNT_LIMIT, LISTED_SHARES);
  }

  ContractPages(
      EntityManager entityManager,
      ContractShareRepository shares,
      int countLimit,
      int listedShares) {
    this.entityManager = entityManager;
    this.shares = shares;
    this.countLimit = countLimit;
    this.listedShares = listedShares;
  }

  CappedPage<Contract> find(CurrentUser user, ContractFilter filter, Pageable pageable) {
    Specification<Contract> spec = visibleTo(user).and(ContractSpecifications.matching(filter));
    HibernateCriteriaBuilder cb = entityManager.unwrap(Session.class).getCriteriaBuilder();
    CriteriaQuery<Contract> query = cb.createQuery(Contract.class);
    Root<Contract> root = query.from(Contract.class);
    root.fetch("counterparty");
    query.select(root).where(spec.toPredicate(root, query, cb));
    query.orderBy(QueryUtils.toOrders(pageable.getSort(), root, cb));
    List<Contract> content =
        entityManager
            .createQuery(query)
            .setFirstResult((int) pageable.getOffset())
            .setMaxResults(pageable.getPageSize())
            .getResultList();
    if (pageable.getOffset() == 0 && content.size() < pageable.getPageSize()) {
      return new CappedPage<>(content, pageable, content.size(), true);
    }
    if (!content.isEmpty() && content.size() < pageable.getPageSize()) {
      return new CappedPage<>(content, pageable, pageable.getOffset() + content.size(), true);
    }
    long counted = count(cb, spec);
    boolean exact = counted <= countLimit;
    return new CappedPage<>(content, pageable, exact ? counted : countLimit, exact);
  }

  /** What the caller may read, as the list and every other many-contract query asks it. */
  Specification<Contract> visibleTo(CurrentUser user) {
    if (user.readsAll()) {
      return ContractSpecifications.all();
    }
    List<UUID> shared =
        shares.findContractIdsReaching(user.username(), user.groups(), Limit.of(LISTED_SHARES + 1));
    if (shared.size() > LISTED_SHARES) {
      return ContractSpecifications.ownedOrShared(user);
    }
    Set<UUID> distinct = new LinkedHashSet<>(shared);
    return ContractSpecifications.ownedOrAmong(user.username(), distinct);
  }

  /** The matches, counted up to one more than the limit. */
  private long count(HibernateCriteriaBuilder cb, Specification<Contract> spec) {
    JpaCriteriaQuery<Long> count = cb.createQuery(Long.class);
    JpaSubQuery<UUID> matching = count.subquery(UUID.class);
    Root<Contract> root = matching.from(Contract.class);
    Path<UUID> id = root.get("id");
    id.alias("id"); // a subquery in from needs named columns
    matching.select(id).where(spec.toPredicate(root, count, cb));
    matching.fetch(countLimit + 1);
    count.select(cb.count(count.from(matching).get("id")));
    return entityManager.createQuery(count).getSingleResult();
  }
}

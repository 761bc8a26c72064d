package io.contractflow.contract;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaSubQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * One page of contracts for a list, at a cost that does not grow with the table.
 *
 * <ul>
 *   <li>The page's contracts come with their counterparties in the same statement (a join), not one
 *       statement per contract.
 *   <li>The total is counted only when the page does not tell it (Spring's rule: a first or last
 *       page that is not full), and then only up to {@link #COUNT_LIMIT}: {@code select count(*)
 *       from (select c.id ... limit 10000)}. A total above the limit reads as the limit. Counting
 *       every match of a broad filter is what made a list at a million contracts slow (a full index
 *       scan per request), and no one pages through more than ten thousand contracts: they narrow
 *       the filter or search.
 * </ul>
 */
@Component
class ContractPages {

  /** Totals are exact up to this many contracts; above, the total reads as this many. */
  static final int COUNT_LIMIT = 10_000;

  private final EntityManager entityManager;

  ContractPages(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  Page<Contract> find(Specification<Contract> spec, Pageable pageable) {
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
    return PageableExecutionUtils.getPage(content, pageable, () -> count(cb, spec));
  }

  private long count(HibernateCriteriaBuilder cb, Specification<Contract> spec) {
    JpaCriteriaQuery<Long> count = cb.createQuery(Long.class);
    JpaSubQuery<UUID> matching = count.subquery(UUID.class);
    Root<Contract> root = matching.from(Contract.class);
    Path<UUID> id = root.get("id");
    id.alias("id"); // a subquery in from needs named columns
    matching.select(id).where(spec.toPredicate(root, count, cb));
    matching.fetch(COUNT_LIMIT);
    count.select(cb.count(count.from(matching).get("id")));
    return entityManager.createQuery(count).getSingleResult();
  }
}

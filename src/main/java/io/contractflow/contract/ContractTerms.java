package io.contractflow.contract;

import io.contractflow.identity.CurrentUser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.sqm.TemporalUnit;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The terms of the contracts a caller may read (the contract list's rule, {@link
 * ContractPages#visibleTo}) with a date in a window: for dated views such as the renewals calendar.
 * Contracts that ended otherwise than by running out (rejected, cancelled, terminated) have no
 * dates left to keep and are not listed.
 */
@Component
public class ContractTerms {

  /** Statuses whose end date still means something. */
  static final Set<ContractStatus> DATED =
      EnumSet.complementOf(
          EnumSet.of(ContractStatus.REJECTED, ContractStatus.CANCELLED, ContractStatus.TERMINATED));

  /** The longest notice period a contract may have ({@link ContractRequest.RenewalBody}). */
  static final int MAX_NOTICE_DAYS = 730;

  private final EntityManager entityManager;
  private final ContractPages pages;

  ContractTerms(EntityManager entityManager, ContractPages pages) {
    this.entityManager = entityManager;
    this.pages = pages;
  }

  /**
   * The terms of contracts the caller may read that end on or after {@code from} and whose last
   * notice day ({@link NoticeDeadline}) is on or before {@code lastNoticeBy}: every term with its
   * end date or its notice deadline in {@code [from, lastNoticeBy]}, and those ending later whose
   * notice is due in it. By end date, at most {@code limit}.
   */
  @Transactional(readOnly = true)
  public List<ContractTerm> readableDatedBetween(
      CurrentUser user, LocalDate from, LocalDate lastNoticeBy, int limit) {
    Specification<Contract> spec = pages.visibleTo(user).and(datedBetween(from, lastNoticeBy));
    HibernateCriteriaBuilder cb = entityManager.unwrap(Session.class).getCriteriaBuilder();
    CriteriaQuery<Contract> query = cb.createQuery(Contract.class);
    Root<Contract> root = query.from(Contract.class);
    root.fetch("counterparty");
    query
        .select(root)
        .where(spec.toPredicate(root, query, cb))
        .orderBy(cb.asc(root.get("endDate")), cb.asc(root.get("id")));
    return entityManager.createQuery(query).setMaxResults(limit).getResultList().stream()
        .map(ContractTerm::of)
        .toList();
  }

  private static Specification<Contract> datedBetween(LocalDate from, LocalDate lastNoticeBy) {
    return (root, query, criteria) -> {
      HibernateCriteriaBuilder cb = (HibernateCriteriaBuilder) criteria;
      Expression<LocalDate> end = root.get("endDate");
      Expression<Duration> notice =
          cb.durationScaled(
              cb.coalesce(root.get("renewal").<Integer>get("noticePeriodDays"), 0),
              cb.duration(1, TemporalUnit.DAY));
      return cb.and(
          root.get("status").in(DATED),
          cb.isNotNull(end),
          cb.greaterThanOrEqualTo(end, from),
          // the longest notice a contract may have bounds the end dates, so the index on them helps
          cb.lessThanOrEqualTo(end, lastNoticeBy.plusDays(MAX_NOTICE_DAYS)),
          cb.lessThanOrEqualTo(cb.subtractDuration(end, notice), lastNoticeBy));
    };
  }
}

package io.contractflow.contract;

import io.contractflow.identity.CurrentUser;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/** Turns a {@link ContractFilter} and the caller's visibility into one query. */
final class ContractSpecifications {

  private ContractSpecifications() {}

  /** Every contract: the access rule of admins and auditors. */
  static Specification<Contract> all() {
    return (root, query, cb) -> cb.conjunction();
  }

  /**
   * Contracts the caller owns or that are among the ids shared with them ({@link ContractPages}
   * looks the shares up first): {@code owner = ? or id in (...)}, which PostgreSQL answers either
   * by walking the sort's index and testing each row (when the caller's contracts are many) or by
   * two index lookups OR-ed into one bitmap (when they are few), whichever its statistics say is
   * cheaper. So a list costs what the caller may read or the page, not the table.
   */
  static Specification<Contract> ownedOrAmong(String owner, Collection<UUID> sharedIds) {
    return (root, query, cb) ->
        sharedIds.isEmpty()
            ? cb.equal(root.get("owner"), owner)
            : cb.or(cb.equal(root.get("owner"), owner), root.get("id").in(sharedIds));
  }

  /**
   * Contracts the caller owns or that are shared with them or their groups, as a correlated
   * subquery: for callers with more shares than {@link ContractPages} lists (PostgreSQL then tests
   * each row, so a page walks the table until it is full).
   */
  static Specification<Contract> ownedOrShared(CurrentUser user) {
    return (root, query, cb) -> {
      Subquery<Integer> shared = query.subquery(Integer.class);
      Root<ContractShare> share = shared.from(ContractShare.class);
      Predicate toUser =
          cb.and(
              cb.equal(share.get("principalType"), ContractShare.PrincipalType.USER),
              cb.equal(share.get("principalId"), user.username()));
      Predicate toGroup =
          user.groups().isEmpty()
              ? cb.disjunction()
              : cb.and(
                  cb.equal(share.get("principalType"), ContractShare.PrincipalType.GROUP),
                  share.get("principalId").in(user.groups()));
      shared
          .select(cb.literal(1))
          .where(cb.equal(share.get("contractId"), root.get("id")), cb.or(toUser, toGroup));
      return cb.or(cb.equal(root.get("owner"), user.username()), cb.exists(shared));
    };
  }

  static Specification<Contract> matching(ContractFilter f) {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (f.status() != null && !f.status().isEmpty()) {
        where.add(root.get("status").in(f.status()));
      }
      if (f.type() != null && !f.type().isEmpty()) {
        where.add(root.get("type").in(f.type()));
      }
      if (f.counterpartyId() != null) {
        where.add(cb.equal(root.get("counterparty").get("id"), f.counterpartyId()));
      }
      if (f.owner() != null) {
        where.add(cb.equal(root.get("owner"), f.owner()));
      }
      if (f.tag() != null) {
        Join<Contract, String> tags = root.join("tags");
        where.add(cb.equal(tags, f.tag()));
      }
      if (f.q() != null) {
        String pattern = "%" + escapeLike(f.q().toLowerCase(Locale.ROOT)) + "%";
        where.add(
            cb.or(
                cb.like(cb.lower(root.get("title")), pattern, '\\'),
                cb.like(cb.lower(root.get("reference")), pattern, '\\')));
      }
      if (f.startFrom() != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("startDate"), f.startFrom()));
      }
      if (f.startTo() != null) {
        where.add(cb.lessThanOrEqualTo(root.get("startDate"), f.startTo()));
      }
      if (f.endFrom() != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("endDate"), f.endFrom()));
      }
      if (f.endTo() != null) {
        where.add(cb.lessThanOrEqualTo(root.get("endDate"), f.endTo()));
      }
      if (f.valueMin() != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("value").get("amount"), f.valueMin()));
      }
      if (f.valueMax() != null) {
        where.add(cb.lessThanOrEqualTo(root.get("value").get("amount"), f.valueMax()));
      }
      if (f.currency() != null) {
        where.add(cb.equal(root.get("value").get("currency"), f.currency()));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}

package io.contractflow.contract;

import io.contractflow.identity.CurrentUser;
import java.util.Map;
import java.util.Set;

/**
 * {@link ContractAccessPolicy#canRead} as SQL, for places that aggregate many contracts at once in
 * PostgreSQL (the reports): the contracts a caller may read are every contract for admins and
 * auditors, else those they own and those shared (VIEW or EDIT) with them or one of their groups —
 * the rule {@link ContractPages} lists by. The SQL uses the named parameters of {@link
 * #parameters()}.
 *
 * @param all whether the caller reads every contract
 * @param username the caller
 * @param groups the caller's groups
 */
public record ContractScope(boolean all, String username, Set<String> groups) {

  /** A group no one is in: {@code in ()} is not SQL. */
  private static final String NO_GROUP = "\u0000none";

  public ContractScope {
    groups = Set.copyOf(groups);
  }

  public static ContractScope of(CurrentUser user) {
    return new ContractScope(user.readsAll(), user.username(), user.groups());
  }

  /** Every contract: for jobs that report to admins. */
  public static ContractScope everything() {
    return new ContractScope(true, "", Set.of());
  }

  /**
   * A condition on a row of {@code contractflow.contract} under {@code alias}: {@code true} for
   * those who read everything, else "owned, or among the ids shared with the caller".
   */
  public String onContract(String alias) {
    if (all) {
      return "true";
    }
    return "(" + alias + ".owner = :scopeUser or " + alias + ".id in (" + sharedIds() + "))";
  }

  /**
   * A condition that the uuid column {@code idColumn} names a contract the caller may read: {@code
   * true} for those who read everything. One {@code in} over the union of owned and shared ids, so
   * PostgreSQL can look the few ids up by an index on the column.
   */
  public String onContractId(String idColumn) {
    if (all) {
      return "true";
    }
    return idColumn
        + " in (select c.id from contractflow.contract c where c.owner = :scopeUser union "
        + sharedIds()
        + ")";
  }

  /**
   * A condition that the text column {@code keyColumn} (a process's business key) names a contract
   * the caller may read: {@code true} for those who read everything. One {@code in} over a union,
   * as {@link #onContractId}.
   */
  public String onContractKey(String keyColumn) {
    if (all) {
      return "true";
    }
    return keyColumn
        + " in (select c.id::text from contractflow.contract c where c.owner = :scopeUser union"
        + " select s.contract_id::text from contractflow.contract_share s where "
        + sharedWhere()
        + ")";
  }

  /** The values of the named parameters the conditions use. */
  public Map<String, Object> parameters() {
    return Map.of(
        "scopeUser", username, "scopeGroups", groups.isEmpty() ? Set.of(NO_GROUP) : groups);
  }

  private static String sharedIds() {
    return "select s.contract_id from contractflow.contract_share s where " + sharedWhere();
  }

  private static String sharedWhere() {
    return "((s.principal_type = 'USER' and s.principal_id = :scopeUser)"
        + " or (s.principal_type = 'GROUP' and s.principal_id in (:scopeGroups)))";
  }
}

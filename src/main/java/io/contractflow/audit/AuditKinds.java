package io.contractflow.audit;

/**
 * The kinds of audit entries in use, so that the features that record them spell them alike. A kind is any
 * upper-case word of letters, digits and underscores (up to 40), so a new feature may add its own; these are the
 * ones the history's readers can expect.
 */
public final class AuditKinds {

  /** A contract was created (recorded by the audit trail itself). */
  public static final String CREATED = "CREATED";
  /** A contract moved from one status to another (recorded by the audit trail itself). */
  public static final String STATUS_CHANGED = "STATUS_CHANGED";
  /** Someone completed a task of the contract's process (review, approval, ...). */
  public static final String TASK_COMPLETED = "TASK_COMPLETED";
  /** A decision was taken: an approval or rejection, or the outcome of a decision table. */
  public static final String DECISION = "DECISION";
  /** Someone commented on the contract. */
  public static final String COMMENT = "COMMENT";
  /** A step of signing: sent for signature, signed, declined. */
  public static final String SIGNING = "SIGNING";
  /** A document version was added or generated. */
  public static final String DOCUMENT = "DOCUMENT";

  private AuditKinds() {}
}

package io.contractflow.audit;

/**
 * The kinds of audit entries in use, so that the features that record them spell them alike. A kind
 * is any upper-case word of letters, digits and underscores (up to 40), so a new feature may add
 * its own; these are the ones the history's readers can expect.
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

  /** A document version was added: uploaded, or stored by a lifecycle step (the sealed PDF). */
  public static final String DOCUMENT = "DOCUMENT";

  /** Documents were generated from a template (both versions, DOCX and PDF, in one entry). */
  public static final String DOCUMENT_GENERATED = "DOCUMENT_GENERATED";

  /** An earlier document version was made the current one again. */
  public static final String DOCUMENT_CURRENT = "DOCUMENT_CURRENT";

  /** A client changed the contract's facts (old and new value of each changed field). */
  public static final String EDITED = "EDITED";

  /**
   * A share was granted, or what it allows was changed (including the lifecycle's shares with
   * approver groups).
   */
  public static final String SHARE_GRANTED = "SHARE_GRANTED";

  /** A share was removed. */
  public static final String SHARE_REMOVED = "SHARE_REMOVED";

  /** Who is to sign, the signing mode or the provider was set or changed (old and new). */
  public static final String SIGNERS_CHANGED = "SIGNERS_CHANGED";

  /** The contract's counterparty was changed (old and new value of each changed field). */
  public static final String COUNTERPARTY_CHANGED = "COUNTERPARTY_CHANGED";

  /**
   * Someone asked to end an active contract early; the status change to TERMINATED follows as its
   * own entry.
   */
  public static final String TERMINATION_REQUESTED = "TERMINATION_REQUESTED";

  /** The owner gave notice: the contract terminates at the end of its term. */
  public static final String TERMINATION_NOTICE = "TERMINATION_NOTICE";

  /** The contract was renewed for another term. */
  public static final String RENEWAL = "RENEWAL";

  /** Reviewers were reminded of a waiting review. */
  public static final String REMINDER = "REMINDER";

  /** A review waited too long and was escalated. */
  public static final String ESCALATION = "ESCALATION";

  /**
   * An administrator moved the contract's running process to another version of its model (the
   * details name the model, both versions and the engine's batch).
   */
  public static final String PROCESS_MIGRATED = "PROCESS_MIGRATED";

  /** An obligation was added to the contract (its kind, schedule and due dates). */
  public static final String OBLIGATION_ADDED = "OBLIGATION_ADDED";

  /**
   * Something happened to an obligation's instalment: its reminder, its escalation when overdue, an
   * invoice issued or paid.
   */
  public static final String OBLIGATION = "OBLIGATION";

  /** An obligation's instalment was settled: met on time or late, missed, waived or cancelled. */
  public static final String OBLIGATION_SETTLED = "OBLIGATION_SETTLED";

  /**
   * A person was erased (issue 21): the entries before this one that named them now hold "[erased]"
   * instead; the details list each such entry's sequence number and the hash of its redacted form,
   * so that the chain still verifies. Names no one.
   */
  public static final String PERSONAL_DATA_ERASED = "PERSONAL_DATA_ERASED";

  /**
   * A legal hold was placed on the contract (issue 21): retention neither lists nor deletes it
   * while it holds. The details give the reason.
   */
  public static final String LEGAL_HOLD_PLACED = "LEGAL_HOLD_PLACED";

  /** The contract's legal hold was lifted (the details give the reason and the hold's own). */
  public static final String LEGAL_HOLD_LIFTED = "LEGAL_HOLD_LIFTED";

  private AuditKinds() {}
}

package io.contractflow.imports;

/** Where one file of an import stands. */
public enum ImportFileStatus {
  /** Waiting for its upload checks. */
  QUEUED,
  /** Passed the upload checks; its facts are read next. */
  CHECKED,
  /** Its facts are read; its contract is created next. */
  READ,
  /** Its contract exists as a draft; a person verifies the facts. */
  AWAITING_VERIFICATION,
  /** Verified, and active in the lifecycle with its term's timers. */
  ACTIVE,
  /** Verified; its end date had passed, so it expired at once. */
  EXPIRED,
  /** The same file (by its SHA-256) was imported before: its contract is that one. */
  DUPLICATE,
  /** Refused for good (an upload check, facts that cannot make a contract); the reason says why. */
  FAILED;

  /** Whether the file has gone as far as the import takes it without a person. */
  boolean isDone() {
    return this == AWAITING_VERIFICATION
        || this == ACTIVE
        || this == EXPIRED
        || this == DUPLICATE
        || this == FAILED;
  }
}

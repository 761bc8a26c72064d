package io.contractflow.contract;

import io.contractflow.platform.audit.FieldChanges;
import java.util.Map;
import java.util.UUID;

/**
 * Published inside the transaction that changed a contract's facts (an edit of a draft, a renewal's
 * new term).
 *
 * @param changes each changed field with its old and new value, for the audit trail; null when a
 *     lifecycle step changed the facts and records that itself (a renewal)
 */
public record ContractEdited(UUID contractId, String by, Map<String, FieldChanges.Change> changes) {

  /** A change that a lifecycle step records itself. */
  public ContractEdited(UUID contractId, String by) {
    this(contractId, by, null);
  }
}

package io.contractflow.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the transaction that moved a contract from one status to the next, so that
 * whatever listens (the audit trail, later search and notifications) commits or rolls back with the
 * change itself.
 *
 * @param actor the user who caused it, or {@code system} for a step the lifecycle took on its own
 * @param reason a short human explanation (for example "approved by all reviewers")
 */
public record ContractStatusChanged(
    UUID contractId,
    String reference,
    ContractStatus from,
    ContractStatus to,
    String actor,
    String reason,
    Instant at) {}

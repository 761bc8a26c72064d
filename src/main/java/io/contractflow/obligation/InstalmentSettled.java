package io.contractflow.obligation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published in the transaction that settled an instalment (met on time or late, missed, waived,
 * cancelled), for the contract's audit trail.
 */
public record InstalmentSettled(
    UUID contractId,
    UUID obligationId,
    UUID instalmentId,
    String title,
    int seq,
    LocalDate dueOn,
    InstalmentStatus status,
    String by,
    Integer evidenceVersion,
    String note) {}

package io.contractflow.obligation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One occurrence of an obligation: its number in the schedule, due date and status; once settled,
 * when, by whom and with what evidence (a document version of the contract, or a note).
 */
public record Instalment(
    UUID id,
    UUID obligationId,
    UUID contractId,
    int seq,
    LocalDate dueOn,
    InstalmentStatus status,
    boolean overdue,
    boolean started,
    Instant outcomeAt,
    String outcomeBy,
    Integer evidenceVersion,
    String note) {}

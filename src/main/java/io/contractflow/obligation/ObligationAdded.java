package io.contractflow.obligation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Published in the transaction that added an obligation to a contract: the audit trail records it,
 * and, on an active contract, the lifecycle starts its instalments' processes.
 *
 * @param contractActive whether the contract is already active (else its instalments start when it
 *     becomes so)
 */
public record ObligationAdded(
    UUID contractId,
    UUID obligationId,
    ObligationKind kind,
    String title,
    Schedule schedule,
    OwedBy owedBy,
    String owner,
    List<LocalDate> dueDates,
    String by,
    boolean contractActive) {}

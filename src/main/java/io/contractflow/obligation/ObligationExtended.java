package io.contractflow.obligation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Published in the transaction that renewed a contract, for each recurring obligation that follows
 * its term: the new instalments' due dates in the new term. The audit trail records it; the
 * lifecycle starts the new instalments' processes.
 */
public record ObligationExtended(
    UUID contractId, UUID obligationId, String title, List<LocalDate> dueDates) {}

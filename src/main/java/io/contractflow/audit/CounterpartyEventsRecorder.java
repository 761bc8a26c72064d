package io.contractflow.audit;

import io.contractflow.contract.ContractCounterparties;
import io.contractflow.counterparty.CounterpartyChanged;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes a change to a counterparty into the trail of every live contract that names it (not the
 * rejected, expired, terminated or cancelled ones), in the transaction that made the change: each
 * changed field with its old and new value, who changed it and when. Contracts are locked in id
 * order, so two changes never wait on each other.
 */
@Component
class CounterpartyEventsRecorder {

  private final AuditTrail trail;
  private final ContractCounterparties contracts;

  CounterpartyEventsRecorder(AuditTrail trail, ContractCounterparties contracts) {
    this.trail = trail;
    this.contracts = contracts;
  }

  @EventListener
  void onChanged(CounterpartyChanged event) {
    String what =
        event.changes().isEmpty()
            ? "nothing changed"
            : event.changes().entrySet().stream()
                .map(c -> c.getKey() + " " + c.getValue().from() + " → " + c.getValue().to())
                .collect(Collectors.joining(", "));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("counterpartyId", event.counterpartyId());
    details.put("name", event.name());
    details.put("changes", event.changes());
    String summary = "Counterparty " + event.name() + " changed by " + event.by() + ": " + what;
    for (UUID contractId : contracts.liveContractsNaming(event.counterpartyId())) {
      trail.recordFitted(contractId, event.by(), AuditKinds.COUNTERPARTY_CHANGED, summary, details);
    }
  }
}

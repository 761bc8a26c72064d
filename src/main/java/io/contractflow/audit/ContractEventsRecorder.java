package io.contractflow.audit;

import io.contractflow.contract.ContractCreated;
import io.contractflow.contract.ContractStatusChanged;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the contract's own events into its trail. The events are published inside the transaction that made the
 * change and these listeners run synchronously in it, so a change and its entry are committed together or not at
 * all. (A cancellation is recorded through its status change, not a second time.)
 */
@Component
class ContractEventsRecorder {

  private final AuditTrail trail;

  ContractEventsRecorder(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void onCreated(ContractCreated event) {
    trail.record(event.contractId(), event.owner(), AuditKinds.CREATED,
        "Contract " + event.reference() + " created by " + event.owner(),
        Map.of("reference", event.reference(), "owner", event.owner()));
  }

  @EventListener
  void onStatusChanged(ContractStatusChanged event) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", event.from());
    details.put("to", event.to());
    details.put("reason", event.reason());
    String summary = "Status changed from " + event.from() + " to " + event.to()
        + (event.reason() == null || event.reason().isBlank() ? "" : ": " + event.reason());
    trail.record(event.contractId(), event.actor(), AuditKinds.STATUS_CHANGED, truncate(summary), details);
  }

  /** A long reason stays whole in the details; the sentence is cut to fit. */
  private static String truncate(String summary) {
    return summary.length() <= AuditTrail.MAX_SUMMARY ? summary : summary.substring(0, AuditTrail.MAX_SUMMARY - 1) + "…";
  }
}

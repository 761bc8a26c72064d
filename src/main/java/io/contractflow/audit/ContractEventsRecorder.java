package io.contractflow.audit;

import io.contractflow.contract.ContractCreated;
import io.contractflow.contract.ContractEdited;
import io.contractflow.contract.ContractSharesChanged;
import io.contractflow.contract.ContractStatusChanged;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the contract's own events into its trail. The events are published inside the transaction
 * that made the change and these listeners run synchronously in it, so a change and its entry are
 * committed together or not at all. (A cancellation is recorded through its status change, not a
 * second time.) Edits record each changed field with its old and new value; shares record whom they
 * name and what they allow, before and after.
 */
@Component
class ContractEventsRecorder {

  private final AuditTrail trail;

  ContractEventsRecorder(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void onCreated(ContractCreated event) {
    trail.record(
        event.contractId(),
        event.owner(),
        AuditKinds.CREATED,
        "Contract "
            + event.reference()
            + (event.imported() ? " imported for " : " created by ")
            + event.owner(),
        Map.of("reference", event.reference(), "owner", event.owner()));
  }

  @EventListener
  void onStatusChanged(ContractStatusChanged event) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", event.from());
    details.put("to", event.to());
    details.put("reason", event.reason());
    String summary =
        "Status changed from "
            + event.from()
            + " to "
            + event.to()
            + (event.reason() == null || event.reason().isBlank() ? "" : ": " + event.reason());
    trail.record(
        event.contractId(),
        event.actor(),
        AuditKinds.STATUS_CHANGED,
        Summaries.fit(summary),
        details);
  }

  @EventListener
  void onEdited(ContractEdited event) {
    if (event.changes() == null) {
      return; // a lifecycle step that records itself (a renewal)
    }
    String fields =
        event.changes().isEmpty() ? "nothing changed" : String.join(", ", event.changes().keySet());
    trail.recordFitted(
        event.contractId(),
        event.by(),
        AuditKinds.EDITED,
        "Edited by " + event.by() + ": " + fields,
        Map.of("changes", event.changes()));
  }

  @EventListener
  void onSharesChanged(ContractSharesChanged event) {
    String whom = event.principalType().toLowerCase(Locale.ROOT) + " " + event.principalId();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("principalType", event.principalType());
    details.put("principalId", event.principalId());
    details.put("permission", event.permission());
    details.put("previousPermission", event.previousPermission());
    if (event.removed()) {
      trail.recordFitted(
          event.contractId(),
          event.by(),
          AuditKinds.SHARE_REMOVED,
          "Share with " + whom + " (" + event.previousPermission() + ") removed by " + event.by(),
          details);
    } else {
      trail.recordFitted(
          event.contractId(),
          event.by(),
          AuditKinds.SHARE_GRANTED,
          "Shared with "
              + whom
              + " to "
              + event.permission()
              + " by "
              + event.by()
              + (event.previousPermission() == null
                  ? ""
                  : " (was " + event.previousPermission() + ")"),
          details);
    }
  }
}

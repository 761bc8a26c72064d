package io.contractflow.audit;

import io.contractflow.obligation.InstalmentSettled;
import io.contractflow.obligation.ObligationAdded;
import io.contractflow.obligation.ObligationExtended;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes what happens to a contract's obligations into its trail, in the transaction that did it:
 * an obligation added (with its due dates), an instalment settled (met on time or late, missed,
 * waived with the reason, cancelled). Reminders and escalations are recorded by their process
 * steps.
 */
@Component
class ObligationEventsRecorder {

  private final AuditTrail trail;

  ObligationEventsRecorder(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void onAdded(ObligationAdded event) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("obligationId", event.obligationId());
    details.put("kind", event.kind());
    details.put("schedule", event.schedule());
    details.put("owedBy", event.owedBy());
    details.put("owner", event.owner());
    details.put("dueDates", event.dueDates().stream().map(Object::toString).toList());
    trail.recordFitted(
        event.contractId(),
        event.by(),
        AuditKinds.OBLIGATION_ADDED,
        "Obligation \""
            + event.title()
            + "\" ("
            + event.kind()
            + ", "
            + event.schedule()
            + ", "
            + event.dueDates().size()
            + " due) added by "
            + event.by(),
        details);
  }

  @EventListener
  void onExtended(ObligationExtended event) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("obligationId", event.obligationId());
    details.put("dueDates", event.dueDates().stream().map(Object::toString).toList());
    trail.recordFitted(
        event.contractId(),
        "system",
        AuditKinds.OBLIGATION_ADDED,
        "Obligation \""
            + event.title()
            + "\" goes on into the renewed term: "
            + event.dueDates().size()
            + " more due, the last on "
            + event.dueDates().get(event.dueDates().size() - 1),
        details);
  }

  @EventListener
  void onSettled(InstalmentSettled event) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("obligationId", event.obligationId());
    details.put("instalmentId", event.instalmentId());
    details.put("seq", event.seq());
    details.put("dueOn", event.dueOn().toString());
    details.put("outcome", event.status());
    details.put("evidenceVersion", event.evidenceVersion());
    details.put("note", event.note());
    trail.recordFitted(
        event.contractId(),
        event.by(),
        AuditKinds.OBLIGATION_SETTLED,
        "\""
            + event.title()
            + "\" #"
            + event.seq()
            + " (due "
            + event.dueOn()
            + "): "
            + event.status()
            + (event.note() == null ? "" : " — " + event.note()),
        details);
  }
}

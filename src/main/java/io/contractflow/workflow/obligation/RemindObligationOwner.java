package io.contractflow.workflow.obligation;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.notification.ProcessStepMail;
import io.contractflow.obligation.Obligation;
import io.contractflow.obligation.Obligations;
import io.contractflow.obligation.OwnerType;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Remind obligation owner": the instalment falls due soon. Mails its owner (the user, or the
 * group's members) and records the reminder in the contract's history.
 */
@Component("remindObligationOwner")
class RemindObligationOwner implements JavaDelegate {

  private final Obligations obligations;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  RemindObligationOwner(
      Obligations obligations, AuditTrail audit, ApplicationEventPublisher events) {
    this.obligations = obligations;
    this.audit = audit;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Obligations.Due due = InstalmentOf.read(obligations, execution);
    if (!due.instalment().status().isOpen()) {
      return; // settled in the meantime (a waiver before its process started)
    }
    Obligation obligation = due.obligation();
    String subject = "Obligation due " + due.instalment().dueOn() + ": " + obligation.title();
    events.publishEvent(
        new ProcessStepMail(
            ProcessVariables.contractId(execution),
            obligation.ownerType() == OwnerType.USER ? "person" : "group",
            obligation.ownerId(),
            "process-step",
            subject,
            "Instalment "
                + due.instalment().seq()
                + " of \""
                + obligation.title()
                + "\" is due on "
                + due.instalment().dueOn()
                + ". Record its fulfilment in your tasks.",
            "obligation-reminder:" + due.instalment().id()));
    audit.record(
        ProcessVariables.contractId(execution),
        Actors.SYSTEM,
        AuditKinds.OBLIGATION,
        "Reminder: \""
            + obligation.title()
            + "\" #"
            + due.instalment().seq()
            + " due "
            + due.instalment().dueOn(),
        Map.of(
            "event",
            "REMINDER",
            "instalmentId",
            due.instalment().id(),
            "owner",
            obligation.ownerType().name().toLowerCase() + " " + obligation.ownerId()));
  }
}

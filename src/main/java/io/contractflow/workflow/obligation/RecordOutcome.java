package io.contractflow.workflow.obligation;

import io.contractflow.obligation.InstalmentStatus;
import io.contractflow.obligation.Obligations;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.EngineClock;
import io.contractflow.workflow.ProcessVariables;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record outcome": settles the instalment as its owner recorded it on the form: met by the end of
 * its due date (on the engine's clock) is met on time, later is met late; or missed.
 */
@Component("recordOutcome")
class RecordOutcome implements JavaDelegate {

  private final Obligations obligations;
  private final IdentityService identity;

  RecordOutcome(Obligations obligations, IdentityService identity) {
    this.obligations = obligations;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Obligations.Due due = InstalmentOf.read(obligations, execution);
    InstalmentStatus status = outcome(execution);
    Object version = execution.getVariable(ObligationVariables.EVIDENCE_VERSION);
    Integer evidence = version instanceof Number n ? Integer.valueOf(n.intValue()) : null;
    InstalmentStatus settled =
        obligations.settle(
            due.instalment().id(),
            status,
            Actors.current(identity, null),
            evidence,
            ProcessVariables.string(execution, ProcessVariables.COMMENT));
    execution.setVariable(ObligationVariables.OUTCOME, settled.name());
  }

  static InstalmentStatus outcome(DelegateExecution execution) {
    String decision = ProcessVariables.string(execution, ObligationVariables.FULFILMENT);
    if (FulfilmentDecision.MISSED.name().equals(decision)) {
      return InstalmentStatus.MISSED;
    }
    if (!FulfilmentDecision.MET.name().equals(decision)) {
      throw new IllegalStateException("No fulfilment recorded: " + decision);
    }
    Date dueAt = (Date) execution.getVariable(ObligationVariables.DUE_AT);
    return EngineClock.now().isAfter(dueAt.toInstant())
        ? InstalmentStatus.MET_LATE
        : InstalmentStatus.MET_ON_TIME;
  }
}

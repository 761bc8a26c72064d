package io.contractflow.workflow.obligation;

import io.contractflow.document.CurrentDocument;
import io.contractflow.obligation.InstalmentStatus;
import io.contractflow.obligation.Obligations;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.EngineClock;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.TaskRefusedException;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record outcome": settles the instalment as its owner recorded it on the form: met by the end of
 * its due date (on the engine's clock) is met on time, later is met late; or missed. Evidence given
 * as a document version must be a version of this contract's documents: otherwise the completion is
 * refused (the form shows why, the process API answers 400) and nothing changes.
 */
@Component("recordOutcome")
class RecordOutcome implements JavaDelegate {

  private final Obligations obligations;
  private final IdentityService identity;
  private final CurrentDocument documents;

  RecordOutcome(Obligations obligations, IdentityService identity, CurrentDocument documents) {
    this.obligations = obligations;
    this.identity = identity;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Obligations.Due due = InstalmentOf.read(obligations, execution);
    InstalmentStatus status = outcome(execution);
    Integer evidence =
        evidence(execution.getVariable(ObligationVariables.EVIDENCE_VERSION), due, documents);
    InstalmentStatus settled =
        obligations.settle(
            due.instalment().id(),
            status,
            Actors.current(identity, null),
            evidence,
            ProcessVariables.string(execution, ProcessVariables.COMMENT));
    execution.setVariable(ObligationVariables.OUTCOME, settled.name());
  }

  /** The evidence version given on the form, checked to be one of the contract's versions. */
  static Integer evidence(Object given, Obligations.Due due, CurrentDocument documents) {
    if (given == null || (given instanceof String text && text.isBlank())) {
      return null;
    }
    Integer number = null;
    if (given instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      number = n.doubleValue() >= 1 && n.doubleValue() <= Integer.MAX_VALUE ? n.intValue() : null;
    } else if (given instanceof String text && text.strip().matches("[1-9][0-9]{0,8}")) {
      number = Integer.valueOf(text.strip());
    }
    if (number == null || !documents.hasVersion(due.instalment().contractId(), number)) {
      throw new TaskRefusedException(
          ObligationVariables.EVIDENCE_VERSION,
          "Evidence: the contract has no document version "
              + given
              + "; upload the evidence to the contract first, or leave the version empty and"
              + " describe it in the note");
    }
    return number;
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

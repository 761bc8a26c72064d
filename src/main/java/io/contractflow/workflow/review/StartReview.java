package io.contractflow.workflow.review;

import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.EngineClock;
import io.contractflow.workflow.LifecycleProperties;
import io.contractflow.workflow.ModelledDuration;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.drafting.DraftingVariables;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Start review": the contract goes to IN_REVIEW, and the review gets its inputs: the contract's
 * facts for the approval matrix ({@link ContractFacts}) and its times (due, reminder, escalation)
 * from the model's input parameters {@code reviewDueIn} and {@code escalateAfter}, unless the
 * operator's settings override them.
 */
@Component("startReview")
class StartReview implements JavaDelegate {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ContractTransitions transitions;

  /** When neither the setting nor the model says. */
  static final Duration DEFAULT_DUE_IN = Duration.ofDays(3);

  static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofDays(2);

  private final ContractFacts facts;
  private final LifecycleProperties properties;

  StartReview(
      ContractTransitions transitions, ContractFacts facts, LifecycleProperties properties) {
    this.transitions = transitions;
    this.facts = facts;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String submittedBy = ProcessVariables.string(execution, DraftingVariables.SUBMITTED_BY);
    ContractResponse contract =
        transitions.moveTo(
            ProcessVariables.contractId(execution),
            ContractStatus.IN_REVIEW,
            submittedBy == null ? Actors.SYSTEM : submittedBy,
            "submitted for review");
    // the decision's inputs: every fact of the contract, set in one place
    facts
        .of(contract, ProcessVariables.flag(execution, DraftingVariables.NON_STANDARD_TERMS))
        .forEach(execution::setVariable);
    execution.setVariable(ReviewVariables.REJECTED, false);
    execution.setVariable(ReviewVariables.CHANGES_REQUESTED, false);

    Duration dueIn =
        ModelledDuration.of(
            execution, properties.reviewDue(), ReviewVariables.REVIEW_DUE_IN, DEFAULT_DUE_IN);
    Duration escalateAfter =
        ModelledDuration.of(
            execution,
            properties.escalateAfter(),
            ReviewVariables.ESCALATE_AFTER,
            DEFAULT_ESCALATE_AFTER);
    Instant due = EngineClock.now().plus(dueIn);
    execution.setVariable(ReviewVariables.REVIEW_DUE_DATE, Date.from(due));
    execution.setVariable(ReviewVariables.REVIEW_REMINDER_AT, Date.from(due));
    execution.setVariable(ReviewVariables.REVIEW_ESCALATION_AT, Date.from(due.plus(escalateAfter)));
    execution.setVariable(
        ReviewVariables.REVIEW_DUE,
        DAY.format(due.atZone(properties.zone())) + " " + properties.zone().getId());
  }
}

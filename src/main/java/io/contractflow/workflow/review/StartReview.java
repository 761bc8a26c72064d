package io.contractflow.workflow.review;

import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.EngineClock;
import io.contractflow.workflow.LifecycleProperties;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.drafting.DraftingVariables;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Start review": the contract goes to IN_REVIEW, and the review gets its inputs: the approval
 * matrix's (type, value in the base currency, non-standard terms) and its times (due, reminder,
 * escalation).
 */
@Component("startReview")
class StartReview implements JavaDelegate {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ContractTransitions transitions;
  private final ValueInBaseCurrency baseValue;
  private final LifecycleProperties properties;

  StartReview(
      ContractTransitions transitions,
      ValueInBaseCurrency baseValue,
      LifecycleProperties properties) {
    this.transitions = transitions;
    this.baseValue = baseValue;
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
    execution.setVariable(ProcessVariables.CONTRACT_TYPE, contract.type().name());
    execution.setVariable(
        ReviewVariables.BASE_VALUE,
        baseValue.convert(contract.value().amount(), contract.value().currency()).doubleValue());
    execution.setVariable(ReviewVariables.BASE_CURRENCY, baseValue.baseCurrency());
    execution.setVariable(
        DraftingVariables.NON_STANDARD_TERMS,
        ProcessVariables.flag(execution, DraftingVariables.NON_STANDARD_TERMS));
    execution.setVariable(ReviewVariables.REJECTED, false);
    execution.setVariable(ReviewVariables.CHANGES_REQUESTED, false);

    Instant due = EngineClock.now().plus(properties.reviewDue());
    execution.setVariable(ReviewVariables.REVIEW_DUE_DATE, Date.from(due));
    execution.setVariable(ReviewVariables.REVIEW_REMINDER_AT, Date.from(due));
    execution.setVariable(
        ReviewVariables.REVIEW_ESCALATION_AT, Date.from(due.plus(properties.escalateAfter())));
    execution.setVariable(
        ReviewVariables.REVIEW_DUE,
        DAY.format(due.atZone(properties.zone())) + " " + properties.zone().getId());
  }
}

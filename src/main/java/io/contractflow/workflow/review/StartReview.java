package io.contractflow.workflow.review;

import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.EngineClock;
import io.contractflow.workflow.LifecycleProperties;
import io.contractflow.workflow.Variables;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Start review": the contract goes to IN_REVIEW, and the review gets its inputs: the approval matrix's (type, value in
 * the base currency, non-standard terms) and its times (due, reminder, escalation).
 */
@Component("startReview")
class StartReview implements JavaDelegate {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ContractTransitions transitions;
  private final ValueInBaseCurrency baseValue;
  private final LifecycleProperties properties;

  StartReview(ContractTransitions transitions, ValueInBaseCurrency baseValue, LifecycleProperties properties) {
    this.transitions = transitions;
    this.baseValue = baseValue;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String submittedBy = Variables.string(execution, "submittedBy");
    ContractResponse contract = transitions.moveTo(Variables.contractId(execution), ContractStatus.IN_REVIEW,
        submittedBy == null ? Variables.SYSTEM : submittedBy, "submitted for review");
    execution.setVariable("contractType", contract.type().name());
    execution.setVariable("baseValue",
        baseValue.convert(contract.value().amount(), contract.value().currency()).doubleValue());
    execution.setVariable("baseCurrency", baseValue.baseCurrency());
    execution.setVariable("nonStandardTerms", Variables.flag(execution, "nonStandardTerms"));
    execution.setVariable("rejected", false);
    execution.setVariable("changesRequested", false);

    Instant due = EngineClock.now().plus(properties.reviewDue());
    execution.setVariable("reviewDueDate", Date.from(due));
    execution.setVariable("reviewReminderAt", Date.from(due));
    execution.setVariable("reviewEscalationAt", Date.from(due.plus(properties.escalateAfter())));
    execution.setVariable("reviewDue", DAY.format(due.atZone(properties.zone())) + " " + properties.zone().getId());
  }
}

package io.contractflow.workflow.term;

import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.LifecycleProperties;
import io.contractflow.workflow.Variables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Plan term": reads the contract's current term and sets what the term's timers and the renewal form need. Runs
 * again after each renewal, so the next term is planned from the renewed dates.
 */
@Component("planTerm")
class PlanTerm implements JavaDelegate {

  private final ContractTransitions contracts;
  private final LifecycleProperties properties;

  PlanTerm(ContractTransitions contracts, LifecycleProperties properties) {
    this.contracts = contracts;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ContractResponse contract = contracts.current(Variables.contractId(execution));
    if (contract.endDate() == null) {
      throw new IllegalStateException("Contract " + contract.reference() + " has no end date to plan a term by");
    }
    TermDates dates = TermDates.of(contract.endDate(), contract.renewal().noticePeriodDays(),
        properties.renewalLeadTime(), properties.zone());
    Integer months = contract.renewal().renewalTermMonths();
    execution.setVariable("termEndsOn", contract.endDate().toString());
    execution.setVariable("endsAt", Date.from(dates.endsAt()));
    execution.setVariable("noticeDeadline", Date.from(dates.noticeDeadline()));
    execution.setVariable("noticeDeadlineDate", dates.lastNoticeDay().toString());
    execution.setVariable("renewalDecisionAt", Date.from(dates.decisionDueAt()));
    execution.setVariable("renewable", months != null && months > 0);
    execution.setVariable("renewalTermMonths", months == null ? 0 : months);
    execution.setVariable("autoRenew", contract.renewal().autoRenew());
  }
}

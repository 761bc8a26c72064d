package io.contractflow.workflow.term;

import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.LifecycleProperties;
import io.contractflow.workflow.ModelledDuration;
import io.contractflow.workflow.ProcessVariables;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Plan term": reads the contract's current term and sets what the term's timers and the renewal
 * form need. Runs again after each renewal, so the next term is planned from the renewed dates. The
 * renewal decision's lead time is the model's input parameter {@code renewalLeadTime} (P30D as
 * shipped), unless the setting {@code contractflow.lifecycle.renewal-lead-time} overrides it.
 */
@Component("planTerm")
class PlanTerm implements JavaDelegate {

  /** When neither the setting nor the model says. */
  static final Duration DEFAULT_LEAD_TIME = Duration.ofDays(30);

  private final ContractTransitions contracts;
  private final LifecycleProperties properties;

  PlanTerm(ContractTransitions contracts, LifecycleProperties properties) {
    this.contracts = contracts;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ContractResponse contract = contracts.current(ProcessVariables.contractId(execution));
    if (contract.endDate() == null) {
      throw new IllegalStateException(
          "Contract " + contract.reference() + " has no end date to plan a term by");
    }
    TermDates dates =
        TermDates.of(
            contract.endDate(),
            contract.renewal().noticePeriodDays(),
            ModelledDuration.of(
                execution,
                properties.renewalLeadTime(),
                TermVariables.RENEWAL_LEAD_TIME,
                DEFAULT_LEAD_TIME),
            properties.zone());
    Integer months = contract.renewal().renewalTermMonths();
    execution.setVariable(TermVariables.TERM_ENDS_ON, contract.endDate().toString());
    execution.setVariable(TermVariables.ENDS_AT, Date.from(dates.endsAt()));
    execution.setVariable(TermVariables.NOTICE_DEADLINE, Date.from(dates.noticeDeadline()));
    execution.setVariable(TermVariables.NOTICE_DEADLINE_DATE, dates.lastNoticeDay().toString());
    execution.setVariable(TermVariables.RENEWAL_DECISION_AT, Date.from(dates.decisionDueAt()));
    execution.setVariable(TermVariables.RENEWABLE, months != null && months > 0);
    execution.setVariable(TermVariables.RENEWAL_TERM_MONTHS, months == null ? 0 : months);
    execution.setVariable(TermVariables.AUTO_RENEW, contract.renewal().autoRenew());
  }
}

package io.contractflow.workflow.obligation;

import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.obligation.ObligationRecord;
import io.contractflow.obligation.Obligations;
import io.contractflow.workflow.ProcessVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Summarise obligations" (active term, before the renewal decision): how the instalments due in
 * the current term went — met on time, late, missed, waived, still open — in words for the renewal
 * form ({@code obligationRecord}).
 */
@Component("summariseObligations")
class SummariseObligations implements JavaDelegate {

  private final ContractTransitions contracts;
  private final Obligations obligations;

  SummariseObligations(ContractTransitions contracts, Obligations obligations) {
    this.contracts = contracts;
    this.obligations = obligations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ContractResponse contract = contracts.current(ProcessVariables.contractId(execution));
    LocalDate from = contract.startDate() == null ? LocalDate.of(1970, 1, 1) : contract.startDate();
    LocalDate to = contract.endDate() == null ? LocalDate.of(9999, 12, 31) : contract.endDate();
    ObligationRecord record = obligations.record(contract.id(), from, to);
    execution.setVariable(ObligationVariables.OBLIGATION_RECORD, record.summary());
  }
}

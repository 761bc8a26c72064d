package io.contractflow.workflow.term;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Renew contract": one more renewal term, recorded, by the owner's decision or automatically; safe
 * to retry (renews the planned term only once).
 */
@Component("renewContract")
class RenewContract implements JavaDelegate {

  private final ContractTransitions transitions;
  private final AuditTrail audit;

  RenewContract(ContractTransitions transitions, AuditTrail audit) {
    this.transitions = transitions;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate ending =
        LocalDate.parse(ProcessVariables.string(execution, TermVariables.TERM_ENDS_ON));
    ContractResponse renewed = transitions.renew(ProcessVariables.contractId(execution), ending);
    String decision = ProcessVariables.string(execution, TermVariables.RENEWAL_DECISION);
    audit.record(
        renewed.id(),
        Actors.SYSTEM,
        AuditKinds.RENEWAL,
        "Renewed until " + renewed.endDate() + (decision == null ? " (automatic renewal)" : ""),
        Map.of(
            "previousEndDate",
            ending.toString(),
            "startDate",
            renewed.startDate().toString(),
            "endDate",
            renewed.endDate().toString(),
            "automatic",
            decision == null));
    execution.removeVariable(TermVariables.RENEWAL_DECISION);
  }
}

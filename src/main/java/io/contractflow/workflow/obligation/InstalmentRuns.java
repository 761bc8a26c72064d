package io.contractflow.workflow.obligation;

import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractStatusChanged;
import io.contractflow.obligation.Instalment;
import io.contractflow.obligation.InstalmentProcesses;
import io.contractflow.obligation.ObligationAdded;
import io.contractflow.obligation.ObligationExtended;
import io.contractflow.obligation.Obligations;
import io.contractflow.workflow.ProcessVariables;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs each instalment of a contract's obligations as its own {@code obligation} process (business
 * key the contract's id): started when the contract becomes active (or at once for an obligation
 * added to an active contract), in the transaction of that change; ended when the contract expires,
 * is terminated or cancelled (open instalments are cancelled). Also offers the waiver to the
 * obligation feature.
 */
@Component
class InstalmentRuns implements InstalmentProcesses {

  private final RuntimeService runtime;
  private final Obligations obligations;

  InstalmentRuns(RuntimeService runtime, Obligations obligations) {
    this.runtime = runtime;
    this.obligations = obligations;
  }

  @EventListener
  void onStatusChanged(ContractStatusChanged change) {
    if (change.to() == ContractStatus.ACTIVE) {
      start(change.contractId(), change.reference(), obligations.unstarted(change.contractId()));
    } else if (change.to().isEnded()) {
      runtime
          .createMessageCorrelation(ObligationVariables.MESSAGE_CONTRACT_ENDED)
          .processInstanceBusinessKey(change.contractId().toString())
          .correlateAllWithResult();
      obligations.cancelUnstarted(change.contractId(), "the contract is " + change.to());
    }
  }

  /** A renewal's new instalments start at once: the contract is active. */
  @EventListener
  void onExtended(ObligationExtended extended) {
    start(extended.contractId(), null, obligations.unstartedOf(extended.obligationId()));
  }

  @EventListener
  void onAdded(ObligationAdded added) {
    if (added.contractActive()) {
      start(added.contractId(), null, obligations.unstartedOf(added.obligationId()));
    }
  }

  private void start(UUID contractId, String reference, List<Instalment> instalments) {
    for (Instalment instalment : instalments) {
      ProcessInstance instance =
          runtime.startProcessInstanceByKey(
              ObligationVariables.PROCESS_KEY,
              contractId.toString(),
              Variables.createVariables()
                  .putValue(ProcessVariables.CONTRACT_ID, contractId.toString())
                  .putValue(ProcessVariables.REFERENCE, reference)
                  .putValue(ObligationVariables.INSTALMENT_ID, instalment.id().toString()));
      obligations.started(instalment.id(), instance.getId());
    }
  }

  @Override
  public boolean waive(Instalment instalment, String by, String reason) {
    return !runtime
        .createMessageCorrelation(ObligationVariables.MESSAGE_WAIVED)
        .processInstanceBusinessKey(instalment.contractId().toString())
        .processInstanceVariableEquals(
            ObligationVariables.INSTALMENT_ID, instalment.id().toString())
        .setVariable(ObligationVariables.WAIVED_BY, by)
        .setVariable(ObligationVariables.WAIVER_REASON, reason)
        .correlateAllWithResult()
        .isEmpty();
  }
}

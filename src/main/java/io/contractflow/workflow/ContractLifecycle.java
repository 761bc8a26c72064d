package io.contractflow.workflow;

import io.contractflow.contract.ContractCancelled;
import io.contractflow.contract.ContractCreated;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drives the {@code contract-lifecycle} process from contract events. Listeners run inside the
 * transaction that published the event, so a contract and its process instance are stored together
 * or not at all. The contract's id is the process instance's business key.
 */
@Component
class ContractLifecycle {

  static final String PROCESS_KEY = "contract-lifecycle";
  static final String MESSAGE_CANCELLED = "ContractCancelled";

  private final RuntimeService runtimeService;

  ContractLifecycle(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /**
   * A new draft starts its lifecycle at drafting; an imported contract joins it later, at its
   * active term, once its facts are verified ({@code workflow.imports}).
   */
  @EventListener
  void onCreated(ContractCreated event) {
    if (event.imported()) {
      return;
    }
    runtimeService.startProcessInstanceByKey(
        PROCESS_KEY,
        event.contractId().toString(),
        Variables.createVariables()
            .putValue(ProcessVariables.CONTRACT_ID, event.contractId().toString())
            .putValue(ProcessVariables.REFERENCE, event.reference())
            .putValue(ProcessVariables.OWNER, event.owner()));
  }

  @EventListener
  void onCancelled(ContractCancelled event) {
    runtimeService
        .createMessageCorrelation(MESSAGE_CANCELLED)
        .processInstanceBusinessKey(event.contractId().toString())
        .setVariable(ProcessVariables.CANCELLED_BY, event.cancelledBy())
        .correlateAllWithResult();
  }
}

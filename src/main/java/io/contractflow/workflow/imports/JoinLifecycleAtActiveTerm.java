package io.contractflow.workflow.imports;

import io.contractflow.contract.ContractResponse;
import io.contractflow.imports.ImportSteps;
import io.contractflow.workflow.ProcessVariables;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Join lifecycle at active term": the verified contract is ACTIVE, and its {@code
 * contract-lifecycle} starts at the "Active term" call activity (process instance modification), so
 * the term plans its renewal decision and end from the verified dates as for a signed contract. A
 * retried step finds the lifecycle started and starts none.
 */
@Component("joinLifecycleAtActiveTerm")
class JoinLifecycleAtActiveTerm implements JavaDelegate {

  static final String LIFECYCLE = "contract-lifecycle";
  static final String ACTIVE_TERM = "Activity_Term";

  private final ImportSteps steps;

  JoinLifecycleAtActiveTerm(ImportSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID contractId = ProcessVariables.contractId(execution);
    ContractResponse contract =
        steps.activate(contractId, ProcessVariables.string(execution, ImportVariables.VERIFIED_BY));
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    if (runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(LIFECYCLE)
            .processInstanceBusinessKey(contractId.toString())
            .count()
        > 0) {
      return;
    }
    runtime
        .createProcessInstanceByKey(LIFECYCLE)
        .businessKey(contractId.toString())
        .setVariables(
            Variables.createVariables()
                .putValue(ProcessVariables.CONTRACT_ID, contractId.toString())
                .putValue(ProcessVariables.REFERENCE, contract.reference())
                .putValue(ProcessVariables.OWNER, contract.owner()))
        .startBeforeActivity(ACTIVE_TERM)
        .execute();
  }
}

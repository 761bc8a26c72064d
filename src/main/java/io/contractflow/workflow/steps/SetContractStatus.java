package io.contractflow.workflow.steps;

import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Set contract status" (template {@value #TEMPLATE}): moves the contract of the process's business
 * key to the configured {@code status}, through the contract service, which allows only the moves
 * of the contract's status table and records the change in the audit trail in the same transaction.
 * A move the table does not allow fails the step (retries, then an incident).
 */
@Component("setContractStatus")
class SetContractStatus implements JavaDelegate, TemplatedStep {

  static final String TEMPLATE = "io.contractflow.SetContractStatus";
  static final String STATUS = "status";
  static final String REASON = "reason";

  private final ContractTransitions transitions;

  SetContractStatus(ContractTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ContractStatus status = status(StepInputs.required(execution, STATUS));
    String reason = StepInputs.optional(execution, REASON);
    transitions.moveTo(
        ProcessVariables.contractId(execution),
        status,
        Actors.SYSTEM,
        reason == null ? "process step \"" + stepName(execution) + "\"" : reason);
  }

  private static String stepName(DelegateExecution execution) {
    String name = execution.getCurrentActivityName();
    return name == null ? execution.getCurrentActivityId() : name;
  }

  private static ContractStatus status(String value) {
    try {
      return ContractStatus.valueOf(value);
    } catch (IllegalArgumentException unknown) {
      throw new IllegalStateException(
          "'"
              + value
              + "' is no contract status; one of "
              + Arrays.toString(ContractStatus.values()),
          unknown);
    }
  }

  @Override
  public String templateId() {
    return TEMPLATE;
  }

  @Override
  public List<String> check(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    String status = values.get(STATUS);
    if (status != null && !StepInputs.isExpression(status)) {
      try {
        ContractStatus.valueOf(status);
      } catch (IllegalArgumentException unknown) {
        problems.add(
            "status '"
                + status
                + "' is no contract status; one of "
                + Arrays.toString(ContractStatus.values()));
      }
    }
    String reason = values.get(REASON);
    if (reason != null && reason.length() > 500) {
      problems.add("reason is longer than 500 characters");
    }
    return problems;
  }
}

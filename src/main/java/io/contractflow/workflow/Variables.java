package io.contractflow.workflow;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The names of the process variables the models and the delegates share, and typed reads of them.
 *
 * <p>The contract a step acts on is never read from a variable: it is the process instance's business key, which
 * {@code ContractLifecycle} sets to the contract's id when it starts the lifecycle and every call activity passes on
 * ({@code camunda:in businessKey}). Nobody changes a business key through the engine's API without administrator
 * rights, while a variable may be written by whoever works a task. The {@code contractId} variable stays for
 * Tasklist and Cockpit to show; the delegates do not read it.
 */
public final class Variables {

  public static final String CONTRACT_ID = "contractId";
  public static final String OWNER = "owner";
  public static final String REFERENCE = "reference";
  public static final String SYSTEM = "system";

  private Variables() {}

  /** The contract of the process instance the execution or task belongs to: its business key. */
  public static UUID contractId(VariableScope scope) {
    String key = businessKey(scope);
    if (key == null) {
      throw new IllegalStateException("The process instance has no business key (the contract's id)");
    }
    return UUID.fromString(key);
  }

  /** Whether the execution or task belongs to a contract's process (one with a contract's id as business key). */
  public static boolean hasContract(VariableScope scope) {
    String key = businessKey(scope);
    if (key == null) {
      return false;
    }
    try {
      UUID.fromString(key);
      return true;
    } catch (IllegalArgumentException notAContract) {
      return false;
    }
  }

  private static String businessKey(VariableScope scope) {
    if (scope instanceof DelegateExecution execution) {
      return execution.getProcessBusinessKey();
    }
    if (scope instanceof DelegateTask task && task.getExecution() != null) {
      return task.getExecution().getProcessBusinessKey();
    }
    return null;
  }

  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  public static boolean flag(VariableScope scope, String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }
}

package io.contractflow.workflow;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables the platform itself sets on every contract's process and task (the names
 * every phase shares), and typed reads of variables. A variable that one phase sets is named in
 * that phase's {@code <Phase>Variables} class ({@code review.ReviewVariables}, ...); {@code
 * ModelVocabularyTest} holds these classes and the models and forms in {@code processes/} to the
 * same names and values.
 *
 * <p>The contract a step acts on is never read from a variable: it is the process instance's
 * business key, which {@code ContractLifecycle} sets to the contract's id when it starts the
 * lifecycle and every call activity passes on ({@code camunda:in businessKey}). Nobody changes a
 * business key through the engine's API without administrator rights, while a variable may be
 * written by whoever works a task. The {@code contractId} variable stays for Tasklist and Cockpit
 * to show; the delegates do not read it.
 */
public final class ProcessVariables {

  /** The contract's id, for Tasklist and Cockpit to show (the delegates read the business key). */
  @NotInModels("shown by Tasklist and Cockpit; the API lists it with a task")
  public static final String CONTRACT_ID = "contractId";

  /**
   * The contract's owner, set from the contract before every user task ({@code
   * camunda:assignee="${owner}"}).
   */
  public static final String OWNER = "owner";

  public static final String REFERENCE = "reference";

  /** Who cancelled the contract, set with the ContractCancelled message. */
  @NotInModels("set with the cancel message, for Cockpit")
  public static final String CANCELLED_BY = "cancelledBy";

  /** The comment field of every task's form. */
  public static final String COMMENT = "comment";

  /**
   * The role a user task plays (its model's {@code contractflow.role} property), local to the task.
   */
  @NotInModels("put on each task with a role, for Tasklist's filters to find it by")
  public static final String PLAYED_ROLE = "taskRole";

  // the contract's facts on every user task (task-local, set by workflow.tasks.TaskFacts when a
  // task is created)
  public static final String CONTRACT_TITLE = "contractTitle";

  /** The contract's type: a fact on every task, and the approval matrix's first input. */
  public static final String CONTRACT_TYPE = "contractType";

  public static final String COUNTERPARTY_NAME = "counterpartyName";
  public static final String CONTRACT_VALUE = "contractValue";
  public static final String START_DATE = "startDate";
  public static final String END_DATE = "endDate";
  public static final String CONTRACT_STATUS = "contractStatus";
  public static final String DOCUMENT_NAME = "documentName";
  public static final String DOCUMENT_URL = "documentUrl";
  public static final String DOCUMENT_VERSION = "documentVersion";

  private ProcessVariables() {}

  /** The contract of the process instance the execution or task belongs to: its business key. */
  public static UUID contractId(VariableScope scope) {
    String key = businessKey(scope);
    if (key == null) {
      throw new IllegalStateException(
          "The process instance has no business key (the contract's id)");
    }
    return UUID.fromString(key);
  }

  /**
   * Whether the execution or task belongs to a contract's process (one with a contract's id as
   * business key).
   */
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

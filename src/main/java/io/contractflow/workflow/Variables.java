package io.contractflow.workflow;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names of the process variables the models and the delegates share, and typed reads of them. */
public final class Variables {

  public static final String CONTRACT_ID = "contractId";
  public static final String OWNER = "owner";
  public static final String REFERENCE = "reference";
  public static final String SYSTEM = "system";

  private Variables() {}

  public static UUID contractId(VariableScope scope) {
    Object value = scope.getVariable(CONTRACT_ID);
    if (value == null) {
      throw new IllegalStateException("The process has no " + CONTRACT_ID + " variable");
    }
    return UUID.fromString(value.toString());
  }

  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  public static boolean flag(VariableScope scope, String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }
}

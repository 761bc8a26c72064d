package io.contractflow.workflow.identity;

import io.contractflow.identity.Role;
import io.contractflow.workflow.ProcessVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * One shared Tasklist filter as the platform ships it: what it shows ({@code criteria}, applied to
 * a fresh task query), how Tasklist presents it, and which role groups may read it. The {@code key}
 * identifies it for good: a renamed definition keeps its key and is updated in place rather than
 * created twice.
 */
record TasklistFilter(
    String key,
    String name,
    String description,
    int priority,
    boolean refresh,
    Set<Role> readers,
    UnaryOperator<TaskQuery> criteria) {

  /**
   * Task variables Tasklist shows on every task card of a shipped filter (the lifecycle puts them
   * on its tasks).
   */
  static final List<Map<String, String>> VARIABLES =
      List.of(
          Map.of("name", ProcessVariables.REFERENCE, "label", "Reference"),
          Map.of("name", ProcessVariables.CONTRACT_TITLE, "label", "Contract"),
          Map.of("name", ProcessVariables.COUNTERPARTY_NAME, "label", "Counterparty"),
          Map.of("name", ProcessVariables.CONTRACT_VALUE, "label", "Value"));

  TasklistFilter {
    readers = Set.copyOf(readers);
  }

  /**
   * The filter's properties as Tasklist reads them (its order in the list, description, refresh,
   * variables).
   */
  Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", refresh);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", VARIABLES);
    return properties;
  }

  boolean readableBy(Role role) {
    return readers.contains(role);
  }
}

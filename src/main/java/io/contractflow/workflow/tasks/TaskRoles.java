package io.contractflow.workflow.tasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The role a user task plays, as its model says with the extension property {@value #ROLE_PROPERTY}
 * ({@code <camunda:property name="contractflow.role" value="review"/>}). The platform finds tasks
 * by their role, never by their id: a designer may rename a task, or add one with a known role to
 * another model, and the API, the Tasklist filters and the history follow. A deployed model never
 * changes, so what was read for a process definition is kept.
 */
@Component
public class TaskRoles {

  /** The extension property that names a user task's role. */
  public static final String ROLE_PROPERTY = "contractflow.role";

  private final RepositoryService repository;

  /** Process definition id → (task definition key → role) of its user tasks with a role. */
  private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

  TaskRoles(RepositoryService repository) {
    this.repository = repository;
  }

  /** The role of the task, if its model gives it one. */
  public Optional<String> of(Task task) {
    return Optional.ofNullable(
        rolesIn(task.getProcessDefinitionId()).get(task.getTaskDefinitionKey()));
  }

  /** Whether the task plays the role. */
  public boolean plays(Task task, String role) {
    return of(task).filter(role::equals).isPresent();
  }

  /** The keys of the user tasks that play the role in one process definition. */
  public List<String> keysWithRole(String processDefinitionId, String role) {
    return rolesIn(processDefinitionId).entrySet().stream()
        .filter(e -> e.getValue().equals(role))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** The role of a task from within the engine (listeners), read from its model element. */
  public static Optional<String> of(DelegateTask task) {
    return Optional.ofNullable(task.getBpmnModelElementInstance()).map(TaskRoles::roleOf);
  }

  private Map<String, String> rolesIn(String processDefinitionId) {
    if (processDefinitionId == null) {
      return Map.of();
    }
    return byDefinition.computeIfAbsent(processDefinitionId, this::read);
  }

  private Map<String, String> read(String processDefinitionId) {
    BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
    Map<String, String> roles = new java.util.HashMap<>();
    if (model != null) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String role = roleOf(task);
        if (role != null) {
          roles.put(task.getId(), role);
        }
      }
    }
    return Map.copyOf(roles);
  }

  /** The role property of a model element, or null. */
  public static String roleOf(BaseElement element) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    for (CamundaProperties properties :
        extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (ROLE_PROPERTY.equals(property.getCamundaName())
            && property.getCamundaValue() != null
            && !property.getCamundaValue().isBlank()) {
          return property.getCamundaValue().strip();
        }
      }
    }
    return null;
  }
}

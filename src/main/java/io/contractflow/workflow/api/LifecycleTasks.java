package io.contractflow.workflow.api;

import io.contractflow.contract.ContractGuard;
import io.contractflow.contract.ContractResponse;
import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.TaskRefusedException;
import io.contractflow.workflow.drafting.DraftingVariables;
import io.contractflow.workflow.obligation.ObligationVariables;
import io.contractflow.workflow.review.FourEyes;
import io.contractflow.workflow.tasks.TaskRoles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user tasks of contracts for the frontend: which a caller may see and work on, claiming, and
 * completing with a decision. Our own rules decide access (the same in every identity mode); the
 * engine then runs the step as the caller, so its listeners (four eyes, the history) know who
 * acted.
 */
@Service
public class LifecycleTasks {

  static final int MAX_TASKS = 200;

  private final TaskService tasks;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ContractGuard contracts;
  private final FourEyes fourEyes;
  private final TaskRoles roles;
  private final FormService forms;

  LifecycleTasks(
      TaskService tasks,
      IdentityService identity,
      RepositoryService repository,
      RuntimeService runtime,
      ContractGuard contracts,
      FourEyes fourEyes,
      TaskRoles roles,
      FormService forms) {
    this.roles = roles;
    this.forms = forms;
    this.tasks = tasks;
    this.identity = identity;
    this.repository = repository;
    this.runtime = runtime;
    this.contracts = contracts;
    this.fourEyes = fourEyes;
  }

  /**
   * Tasks assigned to the caller, then unassigned tasks offered to them or their groups, most
   * urgent first.
   */
  @Transactional(readOnly = true)
  public List<TaskView> mine(CurrentUser user) {
    return mine(user, null);
  }

  /** {@link #mine(CurrentUser)}, of one contract only if {@code contractId} is not null. */
  @Transactional(readOnly = true)
  public List<TaskView> mine(CurrentUser user, UUID contractId) {
    var assigned =
        tasks.createTaskQuery().active().initializeFormKeys().taskAssignee(user.username());
    if (contractId != null) {
      assigned.processInstanceBusinessKey(contractId.toString());
    }
    List<Task> found = new ArrayList<>(assigned.listPage(0, MAX_TASKS));
    List<String> groups = List.copyOf(user.groups());
    var offered =
        tasks
            .createTaskQuery()
            .active()
            .initializeFormKeys()
            .or()
            .taskCandidateUser(user.username())
            .taskCandidateGroupIn(groups.isEmpty() ? List.of("\u0000none") : groups)
            .endOr();
    if (contractId != null) {
      offered.processInstanceBusinessKey(contractId.toString());
    }
    found.addAll(offered.listPage(0, MAX_TASKS));
    return views(
        found.stream()
            .sorted(
                Comparator.comparing(Task::getPriority)
                    .reversed()
                    .thenComparing(
                        Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder())))
            .limit(MAX_TASKS)
            .toList());
  }

  /**
   * The tasks as the API shows them, their facts read in one query for all of them (the reference
   * and title each task carries, the contract from its process's business key) rather than task by
   * task.
   */
  private List<TaskView> views(List<Task> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> facts = new HashMap<>();
    runtime
        .createVariableInstanceQuery()
        .taskIdIn(found.stream().map(Task::getId).toArray(String[]::new))
        .variableNameIn(ProcessVariables.REFERENCE, ProcessVariables.CONTRACT_TITLE)
        .list()
        .forEach(
            v ->
                facts
                    .computeIfAbsent(v.getTaskId(), id -> new HashMap<>())
                    .put(v.getName(), v.getValue()));
    instalments(found, facts);
    Map<String, UUID> contractOfInstance = new HashMap<>();
    Set<String> instances =
        found.stream()
            .map(Task::getProcessInstanceId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    if (!instances.isEmpty()) {
      runtime
          .createProcessInstanceQuery()
          .processInstanceIds(instances)
          .list()
          .forEach(
              instance -> {
                UUID contract = contractIdOf(instance.getBusinessKey());
                if (contract != null) {
                  contractOfInstance.put(instance.getId(), contract);
                }
              });
    }
    return found.stream()
        .map(
            task -> {
              try {
                return Optional.of(
                    view(
                        task,
                        contractOfInstance.get(task.getProcessInstanceId()),
                        facts.getOrDefault(task.getId(), Map.of())));
              } catch (NullValueException vanished) {
                return Optional.<TaskView>empty();
              }
            })
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * Adds to each task of an obligation's process the instalment it is about (a variable of its
   * process, not of the task), in one query for all of them.
   */
  private void instalments(List<Task> found, Map<String, Map<String, Object>> facts) {
    String[] instances =
        found.stream()
            .map(Task::getProcessInstanceId)
            .filter(Objects::nonNull)
            .distinct()
            .toArray(String[]::new);
    if (instances.length == 0) {
      return;
    }
    Map<String, Object> instalmentOfInstance = new HashMap<>();
    runtime
        .createVariableInstanceQuery()
        .processInstanceIdIn(instances)
        .variableName(ObligationVariables.INSTALMENT_ID)
        .list()
        .forEach(
            v -> {
              if (v.getProcessInstanceId().equals(v.getExecutionId())) {
                instalmentOfInstance.put(v.getProcessInstanceId(), v.getValue());
              }
            });
    for (Task task : found) {
      Object instalment = instalmentOfInstance.get(task.getProcessInstanceId());
      if (instalment != null) {
        facts
            .computeIfAbsent(task.getId(), id -> new HashMap<>())
            .put(ObligationVariables.INSTALMENT_ID, instalment);
      }
    }
  }

  private static UUID contractIdOf(String businessKey) {
    if (businessKey == null) {
      return null;
    }
    try {
      return UUID.fromString(businessKey);
    } catch (IllegalArgumentException notAContract) {
      return null;
    }
  }

  /** The open tasks of one contract the caller may read. */
  @Transactional(readOnly = true)
  public List<TaskView> ofContract(CurrentUser user, UUID contractId) {
    contracts.readable(user, contractId);
    return ofReadableContract(contractId);
  }

  /**
   * The open tasks of a contract the caller was found to be allowed to read; the contract's facts
   * on them are read in one query for all of them.
   */
  List<TaskView> ofReadableContract(UUID contractId) {
    List<Task> open =
        tasks
            .createTaskQuery()
            .active()
            .initializeFormKeys()
            .processInstanceBusinessKey(contractId.toString())
            .orderByTaskPriority()
            .desc()
            .listPage(0, MAX_TASKS);
    if (open.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> facts = new HashMap<>();
    runtime
        .createVariableInstanceQuery()
        .taskIdIn(open.stream().map(Task::getId).toArray(String[]::new))
        .variableNameIn(ProcessVariables.REFERENCE, ProcessVariables.CONTRACT_TITLE)
        .list()
        .forEach(
            v ->
                facts
                    .computeIfAbsent(v.getTaskId(), id -> new HashMap<>())
                    .put(v.getName(), v.getValue()));
    instalments(open, facts);
    return open.stream()
        .map(
            task -> {
              try {
                return Optional.of(
                    view(task, contractId, facts.getOrDefault(task.getId(), Map.of())));
              } catch (NullValueException vanished) {
                return Optional.<TaskView>empty();
              }
            })
        .flatMap(Optional::stream)
        .toList();
  }

  @Transactional(readOnly = true)
  public TaskView get(CurrentUser user, String taskId) {
    return view(visible(user, taskId));
  }

  @Transactional
  public TaskView claim(CurrentUser user, String taskId) {
    Task task = mayClaim(user, taskId);
    if (user.username().equals(task.getAssignee())) {
      return view(task);
    }
    asCaller(
        user,
        () -> {
          tasks.claim(taskId, user.username());
          return null;
        });
    return view(tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
  }

  @Transactional
  public TaskView unclaim(CurrentUser user, String taskId) {
    Task task = mayUnclaim(user, taskId);
    if (task.getAssignee() == null) {
      return view(task);
    }
    asCaller(
        user,
        () -> {
          // unclaim: what TASK_WORK permits (setAssignee would need UPDATE or TASK_ASSIGN)
          tasks.claim(taskId, null);
          return null;
        });
    return view(tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
  }

  /**
   * Completes the task with the decision; an unassigned task is claimed first, in the same
   * transaction.
   */
  @Transactional
  public void complete(CurrentUser user, String taskId, CompleteTaskRequest request) {
    Task task = visible(user, taskId);
    mayWork(user, task);
    Map<String, Object> variables = checkedValues(task, request);
    mayFinish(user, task);
    asCaller(
        user,
        () -> {
          if (task.getAssignee() == null) {
            tasks.claim(taskId, user.username());
          }
          tasks.complete(taskId, variables);
          return null;
        });
  }

  /**
   * The values to complete the task with, checked against its form: a task of a known role takes
   * its decision and comment as before; any task with a Camunda Form takes its form's fields; a
   * task with neither is Tasklist's. Every field at fault is named in one 400.
   */
  private Map<String, Object> checkedValues(Task task, CompleteTaskRequest request) {
    String role = roles.of(task).orElse(null);
    boolean hasForm = task.getCamundaFormRef() != null;
    if (!TaskDecisions.known(role) && !hasForm) {
      throw new ConflictException(
          "This task ("
              + task.getName()
              + ") has no form the contract API can check; complete it in Tasklist");
    }
    Map<String, Object> submitted =
        TaskDecisions.known(role)
            ? TaskDecisions.variables(role, request)
            : TaskDecisions.formValues(request);
    if (!hasForm) {
      return submitted;
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> variables = formOf(task).check(submitted, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          errors.stream()
              .map(e -> new FieldError(fieldName(e.field(), request), e.message()))
              .toList());
    }
    return variables;
  }

  /** A field's name in the request: the form's fields are sent in {@code values}. */
  private static String fieldName(String key, CompleteTaskRequest request) {
    boolean ownField =
        (ProcessVariables.COMMENT.equals(key) && request.comment() != null)
            || (DraftingVariables.NON_STANDARD_TERMS.equals(key)
                && request.nonStandardTerms() != null);
    return ownField || key.startsWith("values.") ? key : "values." + key;
  }

  private TaskForm formOf(Task task) {
    try (InputStream schema = forms.getDeployedTaskForm(task.getId())) {
      return TaskForm.parse(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | ProcessEngineException | IllegalArgumentException unreadable) {
      throw new ConflictException(
          "task-form-missing",
          "The task's form "
              + task.getCamundaFormRef().getKey()
              + " cannot be read; complete it in Tasklist");
    }
  }

  /** The task's form schema (form-js JSON), if the caller may see the task and it has a form. */
  @Transactional(readOnly = true)
  public String form(CurrentUser user, String taskId) {
    Task task = visible(user, taskId);
    if (task.getCamundaFormRef() == null) {
      throw new NotFoundException("The task " + taskId + " has no form");
    }
    try (InputStream schema = forms.getDeployedTaskForm(task.getId())) {
      return new String(schema.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | ProcessEngineException unreadable) {
      throw new NotFoundException("The form of task " + taskId + " is not deployed");
    }
  }

  /**
   * The values the task's form shows and starts from: the variables it names ({@link
   * FormVariableNames}) as the task sees them, as JSON values (dates as ISO-8601 instants); values
   * that are no plain text, number, true/false or date are left out.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> formVariables(CurrentUser user, String taskId) {
    Set<String> names = FormVariableNames.of(form(user, taskId));
    Map<String, Object> values = new TreeMap<>();
    tasks
        .getVariables(taskId, names)
        .forEach(
            (name, value) -> {
              if (value instanceof Date date) {
                values.put(name, date.toInstant().toString());
              } else if (value == null
                  || value instanceof String
                  || value instanceof Number
                  || value instanceof Boolean) {
                values.put(name, value);
              }
            });
    return values;
  }

  /*
   * The rules above, without acting: the same checks guard the engine's own task API (Tasklist, /engine-rest), so
   * every surface refuses what the contract API refuses. Each throws the refusal the API would answer with.
   */

  /**
   * The task, if the caller may see it: admins and auditors every task, others theirs and those
   * offered to them.
   */
  @Transactional(readOnly = true)
  public Task visibleTask(CurrentUser user, String taskId) {
    return visible(user, taskId);
  }

  /** The task, if the caller may take it (it may already be theirs). */
  @Transactional(readOnly = true)
  public Task mayClaim(CurrentUser user, String taskId) {
    Task task = visible(user, taskId);
    mayWork(user, task);
    if (task.getAssignee() != null) {
      if (task.getAssignee().equals(user.username())) {
        return task;
      }
      throw new ConflictException("The task is already assigned to " + task.getAssignee());
    }
    fourEyes(user, task);
    return task;
  }

  /** The task, if the caller may give it back (it may already be unassigned). */
  @Transactional(readOnly = true)
  public Task mayUnclaim(CurrentUser user, String taskId) {
    Task task = visible(user, taskId);
    if (task.getAssignee() == null) {
      return task;
    }
    if (!task.getAssignee().equals(user.username()) && !user.isAdmin()) {
      throw new NotPermittedException(
          "Only the assignee or a contract admin can give the task back");
    }
    if (candidateGroups(task).isEmpty()) {
      throw new ConflictException(
          "This task belongs to " + task.getAssignee() + " and has nobody to go back to");
    }
    return task;
  }

  /**
   * The task, if the caller may complete it (whatever the decision: that is the form's or the API's
   * to check).
   */
  @Transactional(readOnly = true)
  public Task mayComplete(CurrentUser user, String taskId) {
    Task task = visible(user, taskId);
    mayWork(user, task);
    mayFinish(user, task);
    return task;
  }

  private void mayFinish(CurrentUser user, Task task) {
    if (task.getAssignee() != null
        && !task.getAssignee().equals(user.username())
        && !user.isAdmin()) {
      throw new ConflictException("The task is assigned to " + task.getAssignee());
    }
    fourEyes(user, task);
  }

  /**
   * The open task playing the role in a contract, for the contract-level shortcuts (submit): found
   * by the role its model gives it, whatever its id.
   */
  @Transactional(readOnly = true)
  public Optional<String> openTask(UUID contractId, String role) {
    return tasks
        .createTaskQuery()
        .active()
        .processInstanceBusinessKey(contractId.toString())
        .listPage(0, MAX_TASKS)
        .stream()
        .filter(task -> roles.plays(task, role))
        .findFirst()
        .map(Task::getId);
  }

  private Task visible(CurrentUser user, String taskId) {
    Task task =
        taskId == null || taskId.length() > 64
            ? null
            : tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    // admins and auditors see every task (auditors only read: working on one is refused with 403)
    if (task == null
        || !(user.readsAll()
            || user.username().equals(task.getAssignee())
            || offeredTo(user, task))) {
      throw NotFoundException.of("Task", taskId);
    }
    return task;
  }

  private boolean offeredTo(CurrentUser user, Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .anyMatch(
            link ->
                user.username().equals(link.getUserId())
                    || (link.getGroupId() != null && user.groups().contains(link.getGroupId())));
  }

  private static void mayWork(CurrentUser user, Task task) {
    if (user.isReadOnly()) {
      throw new NotPermittedException("Auditors read tasks but do not work on them");
    }
    if (task.isSuspended()) {
      throw new ConflictException("The task is suspended");
    }
  }

  private void fourEyes(CurrentUser user, Task task) {
    if (!FourEyes.appliesTo(roles.of(task).orElse(null))) {
      return;
    }
    var instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult();
    if (instance != null && fourEyes.ownsContract(instance.getBusinessKey(), user.username())) {
      throw new NotPermittedException("Four eyes: you own this contract and cannot review it");
    }
  }

  private <T> T asCaller(CurrentUser user, Supplier<T> step) {
    identity.setAuthentication(user.username(), List.copyOf(user.groups()));
    try {
      return step.get();
    } catch (ProcessEngineException failed) {
      TaskRefusedException refused = causeOf(failed);
      if (refused != null && refused.field() != null) {
        throw InvalidInputException.field("values." + refused.field(), refused.getMessage());
      }
      if (refused != null) {
        throw new ConflictException("task-refused", refused.getMessage());
      }
      throw failed;
    } finally {
      identity.clearAuthentication();
    }
  }

  private static TaskRefusedException causeOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TaskRefusedException refused) {
        return refused;
      }
    }
    return null;
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .sorted()
        .toList();
  }

  TaskView view(Task task) {
    Map<String, Object> vars =
        tasks.getVariables(
            task.getId(),
            List.of(
                ProcessVariables.CONTRACT_ID,
                ProcessVariables.REFERENCE,
                ProcessVariables.CONTRACT_TITLE,
                ObligationVariables.INSTALMENT_ID));
    Object contractId = vars.get(ProcessVariables.CONTRACT_ID);
    return view(task, contractId == null ? null : UUID.fromString(contractId.toString()), vars);
  }

  private TaskView view(Task task, UUID contractId, Map<String, Object> vars) {
    String role = roles.of(task).orElse(null);
    return new TaskView(
        task.getId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        role,
        phase(task.getProcessDefinitionId()),
        contractId,
        (String) vars.get(ProcessVariables.REFERENCE),
        (String) vars.get(ProcessVariables.CONTRACT_TITLE),
        task.getAssignee(),
        candidateGroups(task),
        task.getCreateTime().toInstant(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant(),
        task.getPriority(),
        TaskDecisions.decisionsFor(role),
        task.getCamundaFormRef() == null ? null : "/api/tasks/" + task.getId() + "/form",
        instalment(vars.get(ObligationVariables.INSTALMENT_ID)));
  }

  private static UUID instalment(Object id) {
    try {
      return id == null ? null : UUID.fromString(id.toString());
    } catch (IllegalArgumentException notAnInstalment) {
      return null;
    }
  }

  private final Map<String, String> phaseNames = new java.util.concurrent.ConcurrentHashMap<>();

  String phase(String processDefinitionId) {
    return phaseNames.computeIfAbsent(
        processDefinitionId,
        id -> Optional.ofNullable(repository.getProcessDefinition(id).getName()).orElse(id));
  }

  /** The contract's summary as its tasks see it, for callers that only need the owner. */
  ContractResponse contract(CurrentUser user, UUID contractId) {
    return contracts.view(user, contractId);
  }
}

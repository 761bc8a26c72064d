package io.contractflow.workflow.versions;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running contracts from one version of a process model to another with the engine's
 * migration API: activities are mapped by id ({@code mapEqualActivities}; waiting timers and
 * message subscriptions kept as they are unless the request asks to update them), listeners and
 * input/output mappings of the models are not run (a migration moves a contract, it does not redo a
 * step). A preview checks each instance by migrating it in a transaction that is always rolled
 * back; the migration itself is an engine batch that runs in the job executor.
 *
 * <p>Each model is migrated on its own: a phase's instance ({@code contract-review}, ...) is a
 * process instance of its own key, which a migration of {@code contract-lifecycle} leaves where it
 * is (a waiting call activity keeps its called instance), and the other way round.
 */
@Service
class ContractMigrations {

  static final int PREVIEW_LIMIT = 100;
  static final int MAX_CHOSEN = 10_000;
  private static final String PROPERTY_PREFIX = "contractflow.migration.";
  private static final Logger log = LoggerFactory.getLogger(ContractMigrations.class);

  private final ProcessVersions versions;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final AuditTrail audit;
  private final TransactionTemplate rolledBack;

  ContractMigrations(
      ProcessVersions versions,
      RepositoryService repository,
      RuntimeService runtime,
      ManagementService management,
      HistoryService history,
      AuditTrail audit,
      PlatformTransactionManager transactions) {
    this.versions = versions;
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.audit = audit;
    this.rolledBack = new TransactionTemplate(transactions);
  }

  /** What migrating the request's instances would move, and what could not move and why. */
  MigrationPreview preview(String key, MigrationRequest request) {
    Versions pair = versions(key, request);
    boolean all = request.contractIds() == null || request.contractIds().isEmpty();
    long total =
        all
            ? runtime.createProcessInstanceQuery().processDefinitionId(pair.from().getId()).count()
            : 0;
    List<ProcessInstance> instances =
        all
            ? runtime
                .createProcessInstanceQuery()
                .processDefinitionId(pair.from().getId())
                .orderByProcessInstanceId()
                .asc()
                .listPage(0, PREVIEW_LIMIT)
            : instances(pair.from(), request.contractIds());
    List<MigrationPreview.Instruction> instructions = new ArrayList<>();
    List<MigrationPreview.PlanProblem> problems = new ArrayList<>();
    MigrationPlan plan = null;
    try {
      plan = plan(pair, request.updatesEventTriggers());
      plan.getInstructions()
          .forEach(
              i ->
                  instructions.add(
                      new MigrationPreview.Instruction(
                          i.getSourceActivityId(), i.getTargetActivityId())));
    } catch (MigrationPlanValidationException e) {
      problems.addAll(planProblems(e));
    }
    Set<String> inTarget = flowNodes(pair.to());
    List<String> unmapped =
        flowNodes(pair.from()).stream().filter(id -> !inTarget.contains(id)).sorted().toList();
    List<MigrationPreview.InstanceCheck> can = new ArrayList<>();
    List<MigrationPreview.InstanceCheck> cannot = new ArrayList<>();
    List<ProcessInstance> checked = instances.stream().limit(PREVIEW_LIMIT).toList();
    for (ProcessInstance instance : checked) {
      List<String> failures =
          plan == null
              ? List.of("The migration plan is invalid (see planProblems)")
              : check(plan, instance);
      MigrationPreview.InstanceCheck result =
          new MigrationPreview.InstanceCheck(instance.getBusinessKey(), instance.getId(), failures);
      (failures.isEmpty() ? can : cannot).add(result);
    }
    return new MigrationPreview(
        key,
        pair.from().getVersion(),
        pair.to().getVersion(),
        instructions,
        problems,
        unmapped,
        all ? total : instances.size(),
        checked.size(),
        can,
        cannot);
  }

  /**
   * Starts the migration as an engine batch and records it in the audit trail of each contract it
   * moves, in the same transaction; the batch's progress is read with {@link #progress}.
   */
  @Transactional
  MigrationProgress start(String key, MigrationRequest request, String user) {
    Versions pair = versions(key, request);
    List<ProcessInstance> instances = instances(pair.from(), request.contractIds());
    if (instances.isEmpty()) {
      throw new ConflictException(
          "No contract runs on version " + pair.from().getVersion() + " of " + key);
    }
    MigrationPlan plan;
    try {
      plan = plan(pair, request.updatesEventTriggers());
    } catch (MigrationPlanValidationException e) {
      throw new ConflictException(
          "migration-refused",
          "The engine cannot migrate "
              + key
              + " from version "
              + pair.from().getVersion()
              + " to "
              + pair.to().getVersion()
              + ": "
              + planProblems(e).stream()
                  .map(
                      p ->
                          p.sourceActivityId() + " → " + p.targetActivityId() + ": " + p.failures())
                  .collect(Collectors.joining("; ")));
    }
    Batch batch =
        execution(plan, instances.stream().map(ProcessInstance::getId).toList()).executeAsync();
    management.setProperty(
        PROPERTY_PREFIX + batch.getId(),
        String.join(
            "|",
            key,
            Integer.toString(pair.from().getVersion()),
            Integer.toString(pair.to().getVersion()),
            Integer.toString(instances.size()),
            user));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("model", key);
    details.put("fromVersion", pair.from().getVersion());
    details.put("toVersion", pair.to().getVersion());
    details.put("batchId", batch.getId());
    details.put("instances", instances.size());
    String summary =
        "Process "
            + key
            + " migrated from version "
            + pair.from().getVersion()
            + " to "
            + pair.to().getVersion()
            + " by "
            + user
            + " (batch of "
            + instances.size()
            + ")";
    for (ProcessInstance instance : instances) {
      contractId(instance)
          .ifPresent(
              contract -> {
                Map<String, Object> own = new LinkedHashMap<>(details);
                own.put("processInstanceId", instance.getId());
                audit.record(contract, user, AuditKinds.PROCESS_MIGRATED, summary, own);
              });
    }
    log.warn(
        "{}: {} instance(s) of {} from version {} to {}, batch {}",
        "Process migration started by " + user,
        instances.size(),
        key,
        pair.from().getVersion(),
        pair.to().getVersion(),
        batch.getId());
    return progress(batch.getId());
  }

  /** The progress of a migration batch this platform started. */
  MigrationProgress progress(String batchId) {
    String recorded = management.getProperties().get(PROPERTY_PREFIX + batchId);
    if (recorded == null) {
      throw new NotFoundException("No process migration " + batchId);
    }
    String[] facts = recorded.split("\\|", 5);
    BatchStatistics running =
        management.createBatchStatisticsQuery().batchId(batchId).singleResult();
    HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId).singleResult();
    Instant started =
        done != null && done.getStartTime() != null ? done.getStartTime().toInstant() : null;
    Instant finished =
        done != null && done.getEndTime() != null ? done.getEndTime().toInstant() : null;
    return new MigrationProgress(
        batchId,
        facts[0],
        Integer.valueOf(facts[1]),
        Integer.valueOf(facts[2]),
        Integer.parseInt(facts[3]),
        running != null ? running.getTotalJobs() : done == null ? 0 : done.getTotalJobs(),
        running == null ? null : running.getCompletedJobs(),
        running == null ? null : running.getFailedJobs(),
        running == null ? (finished == null ? null : 0) : running.getRemainingJobs(),
        started,
        finished,
        running == null && finished != null);
  }

  /** The migrations this platform started, newest first. */
  List<MigrationProgress> all() {
    return management.getProperties().keySet().stream()
        .filter(name -> name.startsWith(PROPERTY_PREFIX))
        .map(name -> progress(name.substring(PROPERTY_PREFIX.length())))
        .sorted(
            (a, b) ->
                b.startedAt() == null || a.startedAt() == null
                    ? 0
                    : b.startedAt().compareTo(a.startedAt()))
        .toList();
  }

  private record Versions(ProcessDefinition from, ProcessDefinition to) {}

  private Versions versions(String key, MigrationRequest request) {
    List<FieldError> errors = new ArrayList<>();
    if (request == null || request.fromVersion() == null) {
      errors.add(new FieldError("fromVersion", "is required"));
    }
    if (request == null || request.toVersion() == null) {
      errors.add(new FieldError("toVersion", "is required"));
    }
    if (errors.isEmpty() && request.fromVersion().equals(request.toVersion())) {
      errors.add(new FieldError("toVersion", "must differ from fromVersion"));
    }
    if (request != null
        && request.contractIds() != null
        && request.contractIds().size() > MAX_CHOSEN) {
      errors.add(new FieldError("contractIds", "at most " + MAX_CHOSEN + " at a time"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Versions(
        versions.definition(key, request.fromVersion()),
        versions.definition(key, request.toVersion()));
  }

  /** The ids of the activities, events and gateways of a version. */
  private Set<String> flowNodes(ProcessDefinition definition) {
    return repository
        .getBpmnModelInstance(definition.getId())
        .getModelElementsByType(FlowNode.class)
        .stream()
        .map(FlowNode::getId)
        .collect(Collectors.toSet());
  }

  private List<ProcessInstance> instances(ProcessDefinition from, List<String> contractIds) {
    if (contractIds == null || contractIds.isEmpty()) {
      return runtime
          .createProcessInstanceQuery()
          .processDefinitionId(from.getId())
          .orderByProcessInstanceId()
          .asc()
          .list();
    }
    List<ProcessInstance> chosen = new ArrayList<>();
    List<FieldError> missing = new ArrayList<>();
    for (String contractId : new LinkedHashSet<>(contractIds)) {
      List<ProcessInstance> found =
          runtime
              .createProcessInstanceQuery()
              .processDefinitionId(from.getId())
              .processInstanceBusinessKey(contractId)
              .list();
      if (found.isEmpty()) {
        missing.add(
            new FieldError(
                "contractIds",
                "contract " + contractId + " has no instance on version " + from.getVersion()));
      }
      chosen.addAll(found);
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(missing);
    }
    return chosen;
  }

  private MigrationPlan plan(Versions pair, boolean updateEventTriggers) {
    MigrationInstructionsBuilder plan =
        runtime.createMigrationPlan(pair.from().getId(), pair.to().getId()).mapEqualActivities();
    return (updateEventTriggers ? plan.updateEventTriggers() : plan).build();
  }

  private MigrationPlanExecutionBuilder execution(MigrationPlan plan, List<String> ids) {
    return runtime
        .newMigration(plan)
        .processInstanceIds(ids)
        .skipCustomListeners()
        .skipIoMappings();
  }

  /** The engine's reasons the instance cannot move, found by migrating it and rolling back. */
  private List<String> check(MigrationPlan plan, ProcessInstance instance) {
    List<String> failures = new ArrayList<>();
    rolledBack.executeWithoutResult(
        status -> {
          status.setRollbackOnly();
          try {
            execution(plan, List.of(instance.getId())).execute();
          } catch (MigratingProcessInstanceValidationException e) {
            failures.addAll(failures(e.getValidationReport()));
          } catch (RuntimeException e) {
            failures.add(e.getMessage());
          }
        });
    return failures;
  }

  private static List<String> failures(MigratingProcessInstanceValidationReport report) {
    List<String> failures = new ArrayList<>(report.getFailures());
    report
        .getActivityInstanceReports()
        .forEach(r -> r.getFailures().forEach(f -> failures.add(r.getSourceScopeId() + ": " + f)));
    report
        .getTransitionInstanceReports()
        .forEach(r -> r.getFailures().forEach(f -> failures.add(r.getSourceScopeId() + ": " + f)));
    return failures;
  }

  private static List<MigrationPreview.PlanProblem> planProblems(
      MigrationPlanValidationException e) {
    List<MigrationPreview.PlanProblem> problems = new ArrayList<>();
    for (MigrationInstructionValidationReport report :
        e.getValidationReport().getInstructionReports()) {
      MigrationInstruction instruction = report.getMigrationInstruction();
      problems.add(
          new MigrationPreview.PlanProblem(
              instruction.getSourceActivityId(),
              instruction.getTargetActivityId(),
              report.getFailures()));
    }
    e.getValidationReport()
        .getVariableReports()
        .forEach(
            (name, report) ->
                problems.add(new MigrationPreview.PlanProblem(null, null, report.getFailures())));
    if (problems.isEmpty()) {
      problems.add(new MigrationPreview.PlanProblem(null, null, List.of(e.getMessage())));
    }
    return problems;
  }

  private static java.util.Optional<UUID> contractId(ProcessInstance instance) {
    try {
      return java.util.Optional.ofNullable(instance.getBusinessKey()).map(UUID::fromString);
    } catch (IllegalArgumentException notAContract) {
      return java.util.Optional.empty();
    }
  }
}

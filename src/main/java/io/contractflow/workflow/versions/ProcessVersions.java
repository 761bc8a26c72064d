package io.contractflow.workflow.versions;

import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotFoundException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Which contracts run on which model version: every deployed process definition with its deployment
 * (when, by whom, from the classpath or the API) and the number of process instances running on it;
 * and the instances of one version, page by page.
 */
@Service
class ProcessVersions {

  static final int MAX_PAGE_SIZE = 200;

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;

  ProcessVersions(
      RepositoryService repository,
      RuntimeService runtime,
      ManagementService management,
      HistoryService history) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
  }

  /** Every version of every process model, by key, newest version first. */
  List<ModelVersion> all() {
    Map<String, Deployment> deployments =
        repository.createDeploymentQuery().list().stream()
            .collect(Collectors.toMap(Deployment::getId, Function.identity()));
    Map<String, Integer> latest = new HashMap<>();
    List<ProcessDefinitionStatistics> statistics =
        management.createProcessDefinitionStatisticsQuery().list();
    statistics.forEach(d -> latest.merge(d.getKey(), d.getVersion(), Math::max));
    Map<String, String> deployers = new HashMap<>();
    return statistics.stream()
        .sorted(
            Comparator.comparing(ProcessDefinition::getKey)
                .thenComparing(ProcessDefinition::getVersion, Comparator.reverseOrder()))
        .map(
            d -> {
              Deployment deployment = deployments.get(d.getDeploymentId());
              ModelSource source = ModelSource.of(deployment);
              return new ModelVersion(
                  d.getKey(),
                  d.getVersion(),
                  d.getId(),
                  d.getName(),
                  d.getDeploymentId(),
                  deployment == null ? null : deployment.getName(),
                  deployment == null ? null : deployment.getSource(),
                  deployment == null || deployment.getDeploymentTime() == null
                      ? null
                      : deployment.getDeploymentTime().toInstant(),
                  source == ModelSource.CLASSPATH
                      ? "platform"
                      : deployers.computeIfAbsent(d.getDeploymentId(), this::deployedBy),
                  source,
                  d.getVersion() == latest.get(d.getKey()),
                  d.getInstances());
            })
        .toList();
  }

  /** The user the engine recorded as creating the deployment, if any. */
  String deployedBy(String deploymentId) {
    return history
        .createUserOperationLogQuery()
        .deploymentId(deploymentId)
        .entityType(EntityTypes.DEPLOYMENT)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
        .listPage(0, 1)
        .stream()
        .map(UserOperationLogEntry::getUserId)
        .findFirst()
        .orElse(null);
  }

  /** The definition of one version of a model. */
  ProcessDefinition definition(String key, int version) {
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .processDefinitionVersion(version)
            .withoutTenantId()
            .singleResult();
    if (definition == null) {
      throw new NotFoundException("No version " + version + " of the process model " + key);
    }
    return definition;
  }

  /** The process instances running on one version, oldest first. */
  Page<RunningInstance> running(String key, int version, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw InvalidInputException.field(
          page < 0 ? "page" : "size",
          page < 0 ? "must not be negative" : "must be between 1 and " + MAX_PAGE_SIZE);
    }
    ProcessDefinition definition = definition(key, version);
    long total =
        runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
    List<RunningInstance> items =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionId(definition.getId())
            .orderByProcessInstanceId()
            .asc()
            .listPage(page * size, size)
            .stream()
            .map(this::running)
            .toList();
    return new Page<>(items, page, size, total);
  }

  private RunningInstance running(ProcessInstance instance) {
    String parent =
        runtime.createProcessInstanceQuery().subProcessInstanceId(instance.getId()).list().stream()
            .map(ProcessInstance::getId)
            .findFirst()
            .orElse(null);
    return new RunningInstance(
        instance.getBusinessKey(),
        instance.getId(),
        parent,
        instance.isSuspended(),
        activeActivities(instance.getId()));
  }

  /** Where the instance waits; none when it ended meanwhile. */
  private List<String> activeActivities(String processInstanceId) {
    try {
      return runtime.getActiveActivityIds(processInstanceId);
    } catch (ProcessEngineException ended) {
      return List.of();
    }
  }
}

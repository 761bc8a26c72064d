package io.contractflow.workflow.imports;

import io.contractflow.imports.ImportRuns;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.tasks.TaskRoles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The import's processes ({@code contract-import}, one per file, business key: the file's contract
 * id) for the import feature.
 */
@Component
class ContractImportRuns implements ImportRuns {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ContractImportRuns.class);

  static final String PROCESS_KEY = "contract-import";

  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final IdentityService identity;
  private final TaskRoles roles;

  ContractImportRuns(
      RuntimeService runtime,
      ManagementService management,
      TaskService tasks,
      IdentityService identity,
      TaskRoles roles) {
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
    this.identity = identity;
    this.roles = roles;
  }

  @Override
  public void start(UUID importId, UUID contractId, String owner) {
    runtime.startProcessInstanceByKey(
        PROCESS_KEY,
        contractId.toString(),
        Variables.createVariables()
            .putValue(ProcessVariables.CONTRACT_ID, contractId.toString())
            .putValue(ProcessVariables.OWNER, owner)
            .putValue(ImportVariables.IMPORT_ID, importId.toString()));
  }

  @Override
  public Map<UUID, String> incidents(UUID importId) {
    Map<String, UUID> contractOf = new HashMap<>();
    instances(importId)
        .forEach(i -> contractOf.put(i.getId(), UUID.fromString(i.getBusinessKey())));
    Map<UUID, String> found = new HashMap<>();
    if (contractOf.isEmpty()) {
      return found;
    }
    for (Incident incident :
        runtime.createIncidentQuery().processDefinitionKeyIn(PROCESS_KEY).list()) {
      UUID contract = contractOf.get(incident.getProcessInstanceId());
      if (contract != null) {
        found.put(
            contract,
            incident.getIncidentMessage() == null
                ? "A step failed (" + incident.getActivityId() + ")"
                : incident.getIncidentMessage());
      }
    }
    return found;
  }

  @Override
  public int retry(UUID importId) {
    int retried = 0;
    for (ProcessInstance instance : instances(importId)) {
      for (Job job :
          management.createJobQuery().processInstanceId(instance.getId()).noRetriesLeft().list()) {
        management.setJobRetries(job.getId(), 1);
        retried++;
      }
    }
    return retried;
  }

  @Override
  public boolean acceptAsExtracted(UUID contractId, String by, List<String> groups) {
    Task task =
        tasks
            .createTaskQuery()
            .active()
            .processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey(contractId.toString())
            .list()
            .stream()
            .filter(t -> roles.plays(t, ImportVariables.ROLE_VERIFY))
            .findFirst()
            .orElse(null);
    if (task == null) {
      return false;
    }
    identity.setAuthentication(by, groups);
    try {
      tasks.complete(task.getId());
      return true;
    } catch (ProcessEngineException refused) {
      log.warn("The verify task of {} was not accepted: {}", contractId, refused.getMessage());
      return false;
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<ProcessInstance> instances(UUID importId) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(ImportVariables.IMPORT_ID, importId.toString())
        .list();
  }
}

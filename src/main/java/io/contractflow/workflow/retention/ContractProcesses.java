package io.contractflow.workflow.retention;

import io.contractflow.workflow.ProcessVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A contract's processes in the engine, deleted for good by retention: every process instance whose
 * business key is the contract's id or whose {@code contractId} variable names it (the lifecycle
 * and the phases it calls, obligations, imports), first those still running (without running any
 * listener), then their history — activities, tasks, variables and their updates, comments, the
 * operation log, incidents, job logs, identity links, byte arrays — and the decisions they
 * evaluated. Through the engine's API, in the caller's transaction.
 */
@Component
class ContractProcesses {

  private final RuntimeService runtime;
  private final HistoryService history;

  ContractProcesses(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  /** Deletes them; how many instances were running and how many were in the history. */
  Map<String, Long> delete(UUID contractId, String reason) {
    String key = contractId.toString();
    Set<String> running = new LinkedHashSet<>();
    // the roots only: deleting one deletes the phases it called
    runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(key)
        .rootProcessInstances()
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .forEach(running::add);
    runtime
        .createProcessInstanceQuery()
        .variableValueEquals(ProcessVariables.CONTRACT_ID, key)
        .rootProcessInstances()
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .forEach(running::add);
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(new ArrayList<>(running), reason, true, true, false);
    }
    Set<String> ended = new LinkedHashSet<>();
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
        .map(HistoricProcessInstance::getId)
        .forEach(ended::add);
    history
        .createHistoricProcessInstanceQuery()
        .variableValueEquals(ProcessVariables.CONTRACT_ID, key)
        .list()
        .stream()
        .map(HistoricProcessInstance::getId)
        .forEach(ended::add);
    long decisions = 0;
    if (!ended.isEmpty()) {
      for (String instance : ended) {
        List<HistoricDecisionInstance> evaluated =
            history.createHistoricDecisionInstanceQuery().processInstanceId(instance).list();
        for (HistoricDecisionInstance decision : evaluated) {
          history.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
          decisions++;
        }
      }
      history.deleteHistoricProcessInstancesIfExists(new ArrayList<>(ended));
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("engine running instances", (long) running.size());
    counts.put("engine historic instances", (long) ended.size());
    counts.put("engine historic decisions", decisions);
    return counts;
  }
}

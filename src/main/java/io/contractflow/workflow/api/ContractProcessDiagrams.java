package io.contractflow.workflow.api;

import io.contractflow.contract.ContractResponse;
import io.contractflow.identity.CurrentUser;
import io.contractflow.workflow.obligation.ObligationVariables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a contract stands, drawn: the chain of running models from the lifecycle down to the phase
 * it is in, each with the steps it waits at and the steps it has passed. A contract whose lifecycle
 * has ended shows its lifecycle model with the path it took.
 */
@Service
class ContractProcessDiagrams {

  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final LifecycleTasks tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final RuntimeService runtime;

  ContractProcessDiagrams(
      LifecycleTasks tasks,
      HistoryService history,
      RepositoryService repository,
      RuntimeService runtime) {
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
    this.runtime = runtime;
  }

  @Transactional(readOnly = true)
  ProcessDiagram.Path of(CurrentUser user, UUID contractId) {
    ContractResponse contract = tasks.contract(user, contractId);
    List<HistoricProcessInstance> instances =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(contract.id().toString())
            .orderByProcessInstanceStartTime()
            .desc()
            .list()
            .stream()
            // an obligation's instalments run beside the lifecycle, not as a phase of it
            .filter(
                instance ->
                    !ObligationVariables.PROCESS_KEY.equals(instance.getProcessDefinitionKey()))
            .toList();
    return new ProcessDiagram.Path(chain(instances).stream().map(this::diagram).toList());
  }

  /**
   * The running instances from the outermost to the innermost; with none running, the latest
   * outermost instance.
   */
  private static List<HistoricProcessInstance> chain(List<HistoricProcessInstance> instances) {
    Map<String, HistoricProcessInstance> running =
        instances.stream()
            .filter(i -> HistoricProcessInstance.STATE_ACTIVE.equals(i.getState()))
            .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
    List<HistoricProcessInstance> chain = new ArrayList<>();
    HistoricProcessInstance current =
        running.values().stream()
            .filter(i -> i.getSuperProcessInstanceId() == null)
            .findFirst()
            .orElse(null);
    while (current != null && !chain.contains(current)) {
      chain.add(current);
      String parent = current.getId();
      current =
          running.values().stream()
              .filter(i -> parent.equals(i.getSuperProcessInstanceId()))
              .findFirst()
              .orElse(null);
    }
    if (chain.isEmpty()) {
      instances.stream()
          .filter(i -> i.getSuperProcessInstanceId() == null)
          .max(Comparator.comparing(HistoricProcessInstance::getStartTime))
          .ifPresent(chain::add);
    }
    return chain;
  }

  private ProcessDiagram diagram(HistoricProcessInstance instance) {
    ProcessDefinition definition =
        repository.getProcessDefinition(instance.getProcessDefinitionId());
    boolean running = HistoricProcessInstance.STATE_ACTIVE.equals(instance.getState());
    Set<String> active = new LinkedHashSet<>();
    if (running) {
      ActivityInstance tree = runtime.getActivityInstance(instance.getId());
      if (tree != null) {
        collect(tree, active);
      }
    }
    Set<String> completed = new LinkedHashSet<>();
    for (HistoricActivityInstance step :
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId())
            .finished()
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()) {
      if (step.getActivityId() != null) {
        completed.add(elementId(step.getActivityId()));
      }
    }
    completed.removeAll(active);
    return new ProcessDiagram(
        definition.getKey(),
        definition.getName(),
        definition.getVersion(),
        running,
        List.copyOf(active),
        List.copyOf(completed),
        xml(definition.getId()));
  }

  /**
   * Where the instance is now, from the engine's runtime: the activities it is in (the innermost of
   * each branch) and those it is about to run (an asynchronous continuation waiting for the job
   * executor is a transition instance, not yet an activity instance).
   */
  private static void collect(ActivityInstance instance, Set<String> active) {
    for (TransitionInstance waiting : instance.getChildTransitionInstances()) {
      active.add(elementId(waiting.getActivityId()));
    }
    ActivityInstance[] children = instance.getChildActivityInstances();
    boolean isProcess = instance.getParentActivityInstanceId() == null;
    if (children.length == 0 && !isProcess) {
      active.add(elementId(instance.getActivityId()));
    }
    for (ActivityInstance child : children) {
      collect(child, active);
    }
  }

  private static String elementId(String activityId) {
    return activityId.endsWith(MULTI_INSTANCE_BODY)
        ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length())
        : activityId;
  }

  private String xml(String definitionId) {
    try (InputStream model = repository.getProcessModel(definitionId)) {
      return new String(model.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}

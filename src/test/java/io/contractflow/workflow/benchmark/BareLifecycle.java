package io.contractflow.workflow.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;

/**
 * The same steps as {@link PlatformLifecycle}, driven through the bare engine's Java API: start the
 * lifecycle, complete the submit task, complete each review task the real approval matrix created,
 * correlate {@code SigningCompleted} for the signing request (as the platform's signing listener
 * does), and wait until the active term waits at its renewal or end timer.
 */
final class BareLifecycle implements LifecycleDriver.Lifecycle {

  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private final RuntimeService runtime;
  private final TaskService tasks;

  BareLifecycle(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
  }

  @Override
  public void run(int index) {
    String key = UUID.randomUUID().toString();
    runtime.startProcessInstanceByKey(
        "contract-lifecycle",
        key,
        Map.of("contractId", key, "reference", "BARE-" + index, "owner", "rita"));

    Task submit =
        Polling.until(
            PATIENCE,
            "the submit task of " + key,
            () ->
                tasks
                    .createTaskQuery()
                    .processInstanceBusinessKey(key)
                    .taskDefinitionKey("Task_SubmitDraft")
                    .singleResult(),
            task -> task != null);
    tasks.complete(
        submit.getId(), Map.of("nonStandardTerms", false, "comment", "ready for review"));

    List<Task> reviews =
        Polling.until(
            PATIENCE,
            "review tasks of " + key,
            () ->
                tasks
                    .createTaskQuery()
                    .processInstanceBusinessKey(key)
                    .taskDefinitionKey("Task_ReviewContract")
                    .list(),
            list -> !list.isEmpty());
    for (Task review : reviews) {
      tasks.complete(review.getId(), Map.of("decision", "APPROVE", "comment", "fine"));
    }

    Execution awaiting =
        Polling.until(
            PATIENCE,
            "the signing of " + key + " to await signatures",
            () ->
                runtime
                    .createExecutionQuery()
                    .processInstanceBusinessKey(key)
                    .messageEventSubscriptionName("SigningCompleted")
                    .singleResult(),
            execution -> execution != null);
    Object requestId = runtime.getVariable(awaiting.getId(), "signingRequestId");
    int reached =
        runtime
            .createMessageCorrelation("SigningCompleted")
            .processInstanceBusinessKey(key)
            .processInstanceVariableEquals("signingRequestId", requestId)
            .correlateAllWithResult()
            .size();
    if (reached != 1) {
      throw new IllegalStateException(
          "SigningCompleted reached " + reached + " processes of " + key);
    }

    Polling.until(
        PATIENCE,
        key + " to wait at its term timer",
        () ->
            runtime
                    .createExecutionQuery()
                    .processInstanceBusinessKey(key)
                    .activityId("Event_RenewalDecisionDue")
                    .count()
                + runtime
                    .createExecutionQuery()
                    .processInstanceBusinessKey(key)
                    .activityId("Event_TermEnds")
                    .count(),
        count -> count > 0);
  }
}

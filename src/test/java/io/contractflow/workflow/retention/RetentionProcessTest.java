package io.contractflow.workflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.contractflow.workflow.EngineSupport;
import io.contractflow.workflow.ProcessTestEngine;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The retention process: a nightly timer or an admin's request lists what is due; nothing due ends
 * at once; otherwise contract admins confirm or reject; a confirmed run deletes each contract in a
 * job of its own, then records the summary.
 */
@Deployment(resources = {"processes/retention.bpmn", "processes/confirm-retention-deletion.form"})
class RetentionProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine =
      ProcessTestEngine.withDelegates("recordDeletionSummary", "deleteContract");

  private final List<String> deleted = new ArrayList<>();

  /** The listing finds these contracts; the decision deletes them all unless rejected. */
  private void due(String... ids) {
    engine.delegate(
        "listContractsDueForDeletion",
        execution -> {
          execution.setVariable(RetentionVariables.DUE_CONTRACTS, new ArrayList<>(List.of(ids)));
          execution.setVariable(RetentionVariables.DUE_COUNT, ids.length);
          execution.setVariable(RetentionVariables.DUE_LIST, String.join("\n", ids));
        });
    engine.delegate(
        "recordRetentionDecision",
        execution -> {
          boolean confirmed = "CONFIRM".equals(execution.getVariable(RetentionVariables.DECISION));
          List<String> toDelete = confirmed ? new ArrayList<>(List.of(ids)) : new ArrayList<>();
          execution.setVariable(RetentionVariables.CONTRACTS_TO_DELETE, toDelete);
          execution.setVariable(RetentionVariables.DELETE_COUNT, toDelete.size());
          execution.setVariable(RetentionVariables.CONFIRMED_BY, "admin");
        });
    engine.delegate(
        "deleteContract",
        execution ->
            deleted.add((String) execution.getVariable(RetentionVariables.CONTRACT_TO_DELETE)));
  }

  private ProcessInstance requested() {
    ProcessInstance instance =
        runtimeService()
            .createMessageCorrelation(RetentionVariables.MESSAGE_RUN_REQUESTED)
            .correlateStartMessage();
    EngineSupport.runDueJobs();
    return instance;
  }

  @Test
  void theNightlyTimerStartsARunAndNothingDueEndsIt() {
    due();
    Job timer = managementService().createJobQuery().timers().singleResult();
    assertThat(timer).as("the nightly timer is planned").isNotNull();
    managementService().executeJob(timer.getId());
    EngineSupport.runDueJobs();

    List<HistoricProcessInstance> runs =
        historyService().createHistoricProcessInstanceQuery().list();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .activityId("EndEvent_NothingDue")
                .count())
        .isEqualTo(1);
    assertThat(engine.steps()).containsExactly("listContractsDueForDeletion");
    assertThat(managementService().createJobQuery().timers().count())
        .as("the next night is planned")
        .isEqualTo(1);
  }

  @Test
  void contractAdminsConfirmAndEachContractIsDeletedInAJobOfItsOwn() {
    due("c-1", "c-2");
    ProcessInstance run = requested();
    assertThat(run).isWaitingAt(RetentionVariables.TASK_CONFIRM_DELETION);
    assertThat(taskService().getIdentityLinksForTask(task(run).getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactly("contract-admin");

    complete(task(run), withVariables(RetentionVariables.DECISION, "CONFIRM"));
    assertThat(deleted).as("nothing deleted in the completing transaction").isEmpty();
    assertThat(managementService().createJobQuery().processInstanceId(run.getId()).count())
        .as("the deletion waits for the job executor")
        .isEqualTo(1);
    EngineSupport.runDueJobs();

    assertThat(run)
        .isEnded()
        .hasPassed(
            "Task_RecordRetentionDecision",
            "Task_DeleteContract",
            "Task_RecordDeletionSummary",
            "EndEvent_Deleted");
    assertThat(deleted).containsExactly("c-1", "c-2");
    assertThat(engine.steps())
        .containsExactly(
            "listContractsDueForDeletion",
            "recordRetentionDecision",
            "deleteContract",
            "deleteContract",
            "recordDeletionSummary");
  }

  @Test
  void aRejectedRunDeletesNothing() {
    due("c-1");
    ProcessInstance run = requested();
    complete(
        task(run),
        withVariables(RetentionVariables.DECISION, "REJECT", "comment", "audit next week"));
    assertThat(run)
        .isEnded()
        .hasPassed("EndEvent_NothingDeleted")
        .hasNotPassed("Task_DeleteContract");
    assertThat(deleted).isEmpty();
  }

  @Test
  void aFailedDeletionIsRetriedAndKeepsTheRunWaiting() {
    due("c-1");
    engine.delegate(
        "deleteContract",
        execution -> {
          throw new IllegalStateException("database away");
        });
    ProcessInstance run = requested();
    complete(task(run), withVariables(RetentionVariables.DECISION, "CONFIRM"));
    for (int round = 0; round < 3; round++) {
      for (Job due : managementService().createJobQuery().executable().list()) {
        try {
          managementService().executeJob(due.getId());
        } catch (IllegalStateException expected) {
          // the deletion failed; the engine records it on the job
        }
      }
    }
    Job job = managementService().createJobQuery().processInstanceId(run.getId()).singleResult();
    assertThat(job.getRetries()).as("retried as the model says (R5)").isEqualTo(4);
    assertThat(job.getExceptionMessage()).contains("database away");
    assertThat(run).isNotEnded();
  }
}

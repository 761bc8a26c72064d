package io.contractflow.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import io.contractflow.workflow.EngineSupport;
import io.contractflow.workflow.ProcessTestEngine;
import io.contractflow.workflow.TaskRefusedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Review and approval on the real approval matrix: parallel approver groups, the three decisions,
 * four eyes, and the reminder and escalation timers on the engine's clock.
 */
@Deployment(resources = {"processes/contract-review.bpmn", "processes/approval-matrix.dmn"})
class ReviewProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine =
      ProcessTestEngine.withDelegates(
          "recordApprovalRouting",
          "remindReviewers",
          "approveContract",
          "rejectContract",
          "returnContractToDraft");

  @BeforeEach
  void registerBeans() {
    engine.delegate(
        "startReview",
        execution -> {
          Instant due = EngineSupport.now().plus(Duration.ofDays(3));
          execution.setVariable("rejected", false);
          execution.setVariable("changesRequested", false);
          execution.setVariable("reviewDueDate", Date.from(due));
          execution.setVariable("reviewReminderAt", Date.from(due));
          execution.setVariable("reviewEscalationAt", Date.from(due.plus(Duration.ofDays(2))));
        });
    engine.delegate(
        "escalateReview",
        execution -> {
          taskQuery()
              .processInstanceId(execution.getProcessInstanceId())
              .list()
              .forEach(task -> taskService().addCandidateGroup(task.getId(), "contract-admin"));
        });
    // the contract (business key c-1) is rita's: four eyes asks the contract, not the owner
    // variable
    engine.bean("fourEyes", new FourEyes(businessKey -> "c-1".equals(businessKey) ? "rita" : null));
    engine.bean("collectReviewDecision", new CollectReviewDecision());
  }

  private ProcessInstance review(String type, double value) {
    ProcessInstance instance =
        runtimeService()
            .startProcessInstanceByKey(
                "contract-review",
                "c-1",
                Map.of(
                    "contractId",
                    "c-1",
                    "reference",
                    "CF-2026-0001",
                    "owner",
                    "rita",
                    "contractType",
                    type,
                    "baseValue",
                    value,
                    "nonStandardTerms",
                    false));
    EngineSupport.runDueJobs();
    return instance;
  }

  private Task taskOf(ProcessInstance instance, String group) {
    return taskQuery().processInstanceId(instance.getId()).taskCandidateGroup(group).singleResult();
  }

  private void decide(
      ProcessInstance instance, String user, String group, String decision, String comment) {
    Task task = taskOf(instance, group);
    identityService().setAuthentication(user, List.of(group));
    try {
      taskService().claim(task.getId(), user);
      taskService().complete(task.getId(), Map.of("decision", decision, "comment", comment));
    } finally {
      identityService().clearAuthentication();
    }
    EngineSupport.runDueJobs();
  }

  @Test
  void aStandardSmallNdaNeedsNoApprover() {
    ProcessInstance instance = review("NDA", 2_000);

    assertThat(instance)
        .isEnded()
        .hasPassed(
            "Task_DetermineApprovers",
            "Gateway_ApproversNeeded",
            "Task_ApproveContract",
            "EndEvent_Approved")
        .hasNotPassed("Task_ReviewContract");
    assertThat(engine.steps())
        .containsExactly("startReview", "recordApprovalRouting", "approveContract");
    assertThat(instance).variables().containsEntry("reviewOutcome", "APPROVED");
  }

  @Test
  void approverGroupsReviewInParallelAndAllMustApprove() {
    ProcessInstance instance = review("SERVICES", 50_000);

    assertThat(taskQuery().processInstanceId(instance.getId()).list()).hasSize(2);
    decide(instance, "leo", "legal-reviewer", "APPROVE", "");
    assertThat(instance).isWaitingAt("Task_ReviewContract");
    decide(instance, "fiona", "finance-approver", "APPROVE", "fine");

    assertThat(instance).isEnded().hasPassed("EndEvent_Approved");
    assertThat(instance).variables().containsEntry("reviewOutcome", "APPROVED");
  }

  @Test
  void oneRejectionEndsTheReviewForEveryone() {
    ProcessInstance instance = review("SERVICES", 50_000);

    decide(instance, "leo", "legal-reviewer", "REJECT", "unlimited liability");

    assertThat(instance).isEnded().hasPassed("Task_RejectContract", "EndEvent_Rejected");
    assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(instance).variables().containsEntry("reviewOutcome", "REJECTED");
  }

  @Test
  void aRequestForChangesSendsTheContractBackToDrafting() {
    ProcessInstance instance = review("MSA", 500);

    decide(instance, "leo", "legal-reviewer", "REQUEST_CHANGES", "fix the governing law");

    assertThat(instance).isEnded().hasPassed("Task_ReturnToDraft", "EndEvent_ChangesRequested");
    assertThat(instance).variables().containsEntry("reviewOutcome", "CHANGES_REQUESTED");
  }

  @Test
  void aRejectionNeedsAReason() {
    ProcessInstance instance = review("MSA", 500);

    assertThatThrownBy(() -> decide(instance, "leo", "legal-reviewer", "REJECT", " "))
        .hasRootCauseInstanceOf(TaskRefusedException.class)
        .hasMessageContaining("comment");
    assertThat(instance).isWaitingAt("Task_ReviewContract");
  }

  @Test
  void theOwnerCannotReviewTheirOwnContract() {
    ProcessInstance instance = review("MSA", 500);
    Task task = taskOf(instance, "legal-reviewer");

    assertThatThrownBy(() -> taskService().claim(task.getId(), "rita"))
        .hasRootCauseInstanceOf(TaskRefusedException.class)
        .hasMessageContaining("Four eyes");
    identityService().setAuthentication("rita", List.of("legal-reviewer"));
    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of("decision", "APPROVE")))
        .hasRootCauseInstanceOf(TaskRefusedException.class);

    assertThat(instance).isWaitingAt("Task_ReviewContract");
    assertThat(taskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isNull();
  }

  @Test
  void anOverdueReviewIsRemindedThenEscalatedToTheContractAdmins() {
    ProcessInstance instance = review("MSA", 500);

    EngineSupport.advance(Duration.ofDays(3).plusMinutes(1));
    assertThat(engine.steps()).contains("remindReviewers").doesNotContain("escalateReview");
    assertThat(instance)
        .hasPassed("Event_ReviewOverdue", "EndEvent_Reminded")
        .isWaitingAt("Task_ReviewContract");

    EngineSupport.advance(Duration.ofDays(2));
    assertThat(engine.steps()).contains("escalateReview");
    assertThat(instance).hasPassed("Event_ReviewEscalated", "EndEvent_Escalated");
    assertThat(taskOf(instance, "contract-admin")).isNotNull();

    decide(instance, "admin", "contract-admin", "APPROVE", "");
    assertThat(instance).isEnded().hasPassed("EndEvent_Approved");
  }
}

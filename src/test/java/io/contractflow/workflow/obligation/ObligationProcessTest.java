package io.contractflow.workflow.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.contractflow.obligation.InstalmentStatus;
import io.contractflow.workflow.EngineSupport;
import io.contractflow.workflow.ProcessTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One instalment on the engine's clock, due 30 days from now with the model's lead time (7 days)
 * and grace (3 days): the reminder, fulfilment on time, late after an escalation, missed, waived by
 * an admin, and cancelled when the contract ends.
 */
@Deployment(resources = "processes/obligation.bpmn")
class ObligationProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine =
      ProcessTestEngine.withDelegates(
          "remindObligationOwner", "escalateOverdueObligation", "issueStripeInvoice");

  private Instant dueOn;
  private boolean byStripe;
  private final List<String> outcomes = new ArrayList<>();
  private final List<Map<String, Object>> planned = new ArrayList<>();

  @BeforeEach
  void registerBeans() {
    dueOn = EngineSupport.now().plus(Duration.ofDays(30));
    engine.delegate(
        "planInstalment",
        execution -> {
          planned.add(
              Map.of(
                  "reminderLeadTime", execution.getVariableLocal("reminderLeadTime"),
                  "overdueGrace", execution.getVariableLocal("overdueGrace")));
          Duration lead = Duration.parse((String) execution.getVariableLocal("reminderLeadTime"));
          Duration grace = Duration.parse((String) execution.getVariableLocal("overdueGrace"));
          Instant dueAt = dueOn.plus(Duration.ofDays(1));
          execution.setVariable("reminderAt", Date.from(dueOn.minus(lead)));
          execution.setVariable("dueAt", Date.from(dueAt));
          execution.setVariable("escalationAt", Date.from(dueAt.plus(grace)));
          execution.setVariable("obligationOwner", "rita");
          execution.setVariable("obligationGroups", new ArrayList<>(List.of("finance-approver")));
          execution.setVariable("collectByStripe", byStripe);
        });
    engine.delegate(
        "recordOutcome", execution -> outcomes.add(RecordOutcome.outcome(execution).name()));
    engine.delegate(
        "recordPayment", execution -> outcomes.add(RecordPayment.outcome(execution).name()));
    engine.delegate("recordWaiver", execution -> outcomes.add(InstalmentStatus.WAIVED.name()));
    engine.delegate(
        "cancelInstalment", execution -> outcomes.add(InstalmentStatus.CANCELLED.name()));
  }

  private ProcessInstance start() {
    ProcessInstance instance =
        runtimeService()
            .startProcessInstanceByKey(
                "obligation",
                "c-1",
                Map.of("contractId", "c-1", "reference", "CF-2026-0001", "instalmentId", "i-1"));
    EngineSupport.runDueJobs();
    return instance;
  }

  private static void at(Instant instant) {
    EngineSupport.advance(Duration.between(EngineSupport.now(), instant).plusMinutes(1));
  }

  @Test
  void theOwnerIsRemindedAWeekBeforeAndRecordsItMetOnTime() {
    ProcessInstance instance = start();
    assertThat(planned).containsExactly(Map.of("reminderLeadTime", "P7D", "overdueGrace", "P3D"));
    assertThat(instance).isWaitingAt("Event_ReminderDue");

    at(dueOn.minus(Duration.ofDays(8)));
    assertThat(instance).isWaitingAt("Event_ReminderDue");
    at(dueOn.minus(Duration.ofDays(7)));
    assertThat(engine.steps()).containsExactly("planInstalment", "remindObligationOwner");
    assertThat(instance).isWaitingAt("Task_RecordFulfilment").task().isAssignedTo("rita");
    assertThat(taskService().getIdentityLinksForTask(task(instance).getId()))
        .anyMatch(link -> "finance-approver".equals(link.getGroupId()));

    at(dueOn);
    complete(task(instance), withVariables("fulfilment", "MET", "evidenceVersion", 2));

    assertThat(outcomes).containsExactly("MET_ON_TIME");
    assertThat(instance).isEnded().hasPassed("EndEvent_Settled", "EndEvent_Done");
  }

  @Test
  void anOverdueInstalmentIsEscalatedThenMetLate() {
    ProcessInstance instance = start();
    at(dueOn.plus(Duration.ofDays(1)));
    assertThat(instance).isWaitingAt("Task_RecordFulfilment");
    assertThat(engine.steps()).containsExactly("planInstalment", "remindObligationOwner");

    at(dueOn.plus(Duration.ofDays(4)));
    assertThat(engine.steps()).endsWith("escalateOverdueObligation");
    assertThat(instance).hasPassed("EndEvent_Escalated").isWaitingAt("Task_RecordFulfilment");

    complete(task(instance), withVariables("fulfilment", "MET", "comment", "paid by transfer"));
    assertThat(outcomes).containsExactly("MET_LATE");
    assertThat(instance).isEnded();
  }

  @Test
  void theOwnerRecordsItMissed() {
    ProcessInstance instance = start();
    at(dueOn.minus(Duration.ofDays(7)));
    complete(task(instance), withVariables("fulfilment", "MISSED", "comment", "never delivered"));
    assertThat(outcomes).containsExactly("MISSED");
    assertThat(instance).isEnded().hasPassed("EndEvent_Settled");
  }

  @Test
  void anAdminWaivesItBeforeItFallsDue() {
    ProcessInstance instance = start();
    runtimeService()
        .createMessageCorrelation("InstalmentWaived")
        .processInstanceBusinessKey("c-1")
        .processInstanceVariableEquals("instalmentId", "i-1")
        .setVariable("waivedBy", "admin")
        .setVariable("waiverReason", "goodwill")
        .correlate();
    assertThat(outcomes).containsExactly("WAIVED");
    assertThat(instance)
        .isEnded()
        .hasPassed("EndEvent_Waived")
        .hasNotPassed("Task_RecordFulfilment");
    assertThat(taskService().createTaskQuery().count()).isZero();
  }

  @Test
  void theContractEndsWhileItIsOpen() {
    ProcessInstance instance = start();
    at(dueOn.minus(Duration.ofDays(7)));
    runtimeService()
        .createMessageCorrelation("ObligationContractEnded")
        .processInstanceBusinessKey("c-1")
        .correlateAll();
    assertThat(instance).isWaitingAt("Task_CancelInstalment");
    EngineSupport.runDueJobs();
    assertThat(outcomes).containsExactly("CANCELLED");
    assertThat(instance).isEnded().hasPassed("EndEvent_Cancelled");
  }

  @Test
  void aPaymentIsInvoicedThroughStripeAndMetWhenTheInvoiceIsPaid() {
    byStripe = true;
    ProcessInstance instance = start();
    at(dueOn.minus(Duration.ofDays(7)));
    assertThat(engine.steps())
        .containsExactly("planInstalment", "remindObligationOwner", "issueStripeInvoice");
    assertThat(instance).isWaitingAt("Task_RecordFulfilment");

    // a failed payment gives the owner a task beside the instalment
    runtimeService()
        .createMessageCorrelation("PaymentProblem")
        .processInstanceBusinessKey("c-1")
        .setVariable("paymentProblem", "invoice.payment_failed")
        .correlateAll();
    assertThat(instance).isWaitingAt("Task_RecordFulfilment", "Task_ResolvePaymentProblem");
    complete(
        taskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("Task_ResolvePaymentProblem")
            .singleResult(),
        withVariables("comment", "new card on file"));
    assertThat(instance).hasPassed("EndEvent_ProblemHandled");

    at(dueOn);
    runtimeService()
        .createMessageCorrelation("InvoicePaid")
        .processInstanceBusinessKey("c-1")
        .processInstanceVariableEquals("instalmentId", "i-1")
        .correlateAll();
    assertThat(outcomes).containsExactly("MET_ON_TIME");
    assertThat(instance).isEnded().hasPassed("EndEvent_Paid").hasNotPassed("EndEvent_Settled");
  }
}

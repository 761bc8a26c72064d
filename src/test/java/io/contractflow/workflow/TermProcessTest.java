package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The active term on the engine's clock: a one-year term with 30 days' notice and the decision task
 * 30 days before the notice deadline; renewal by decision or automatically, notice, running out,
 * early termination, evergreen.
 */
@Deployment(resources = "processes/contract-term.bpmn")
class TermProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine =
      ProcessTestEngine.withDelegates("recordTerminationNotice", "summariseObligations");

  static final Duration TERM = Duration.ofDays(365);
  static final Duration NOTICE = Duration.ofDays(30);
  static final Duration LEAD = Duration.ofDays(30);

  private Instant termEnd;
  private boolean hasEndDate = true;
  private boolean renewable = true;
  private boolean autoRenew = false;

  @BeforeEach
  void registerBeans() {
    termEnd = EngineSupport.now().plus(TERM);
    engine.delegate(
        "activateContract",
        execution -> {
          execution.setVariable("hasEndDate", hasEndDate);
        });
    engine.delegate(
        "planTerm",
        execution -> {
          execution.setVariable("termEndsOn", termEnd.toString());
          execution.setVariable("endsAt", Date.from(termEnd));
          execution.setVariable("noticeDeadline", Date.from(termEnd.minus(NOTICE)));
          execution.setVariable("renewalDecisionAt", Date.from(termEnd.minus(NOTICE).minus(LEAD)));
          execution.setVariable("renewable", renewable);
          execution.setVariable("autoRenew", autoRenew);
        });
    engine.delegate(
        "renewContract",
        execution -> {
          termEnd = termEnd.plus(TERM);
        });
  }

  private ProcessInstance activate() {
    ProcessInstance instance =
        runtimeService()
            .startProcessInstanceByKey(
                "contract-term",
                "c-1",
                Map.of("contractId", "c-1", "reference", "CF-2026-0001", "owner", "rita"));
    EngineSupport.runDueJobs();
    return instance;
  }

  /** Moves the clock to just after the given instant. */
  private static void at(Instant instant) {
    EngineSupport.advance(Duration.between(EngineSupport.now(), instant).plusMinutes(1));
  }

  private Instant decisionDue() {
    return termEnd.minus(NOTICE).minus(LEAD);
  }

  private void terminateEarly() {
    runtimeService()
        .createMessageCorrelation("ContractTerminated")
        .processInstanceBusinessKey("c-1")
        .setVariable("terminationReason", "breach")
        .correlate();
    EngineSupport.runDueJobs();
  }

  @Test
  void anEvergreenContractRunsUntilItIsTerminated() {
    hasEndDate = false;
    ProcessInstance instance = activate();
    assertThat(instance).isWaitingAt("Event_EvergreenTerminated");

    terminateEarly();

    assertThat(instance).isEnded().hasPassed("EndEvent_EvergreenTerminated");
    assertThat(instance).variables().containsEntry("termOutcome", "TERMINATED");
  }

  @Test
  void aTermWithoutRenewalRunsOutAtItsEndDate() {
    renewable = false;
    ProcessInstance instance = activate();
    assertThat(instance).isWaitingAt("Event_TermEnds");

    EngineSupport.advance(TERM.minusDays(1));
    assertThat(instance).isWaitingAt("Event_TermEnds");
    at(termEnd);

    assertThat(instance).isEnded().hasPassed("EndEvent_TermExpired", "EndEvent_TermEnded");
    assertThat(instance).variables().containsEntry("termOutcome", "EXPIRED");
  }

  @Test
  void theOwnerRenewsThenTheContractIsTerminatedEarly() {
    ProcessInstance instance = activate();
    assertThat(instance).isWaitingAt("Event_RenewalDecisionDue");

    at(decisionDue());
    assertThat(instance).isWaitingAt("Task_DecideRenewal").task().isAssignedTo("rita");
    complete(task(instance), withVariables("renewalDecision", "RENEW", "comment", "good supplier"));
    EngineSupport.runDueJobs();

    assertThat(engine.steps())
        .containsExactly(
            "activateContract", "planTerm", "summariseObligations", "renewContract", "planTerm");
    assertThat(instance).isWaitingAt("Event_RenewalDecisionDue");

    terminateEarly();
    assertThat(instance).isEnded().hasPassed("Event_TerminationRequested", "EndEvent_Terminated");
    assertThat(instance).variables().containsEntry("termOutcome", "TERMINATED");
  }

  @Test
  void noticeTerminatesTheContractAtItsEndDate() {
    ProcessInstance instance = activate();
    at(decisionDue());

    complete(
        task(instance),
        withVariables("renewalDecision", "TERMINATE", "comment", "no longer needed"));
    EngineSupport.runDueJobs();
    assertThat(instance).isWaitingAt("Event_NoticeTermEnds");
    at(termEnd);

    assertThat(instance)
        .isEnded()
        .hasPassed("Task_RecordTerminationNotice", "EndEvent_TerminatedAtEnd");
    assertThat(instance).variables().containsEntry("termOutcome", "TERMINATED");
  }

  @Test
  void aRenewalCanGoBackThroughReview() {
    ProcessInstance instance = activate();
    at(decisionDue());

    complete(
        task(instance),
        withVariables("renewalDecision", "RENEW_WITH_REVIEW", "comment", "new prices"));
    EngineSupport.runDueJobs();

    assertThat(instance).isEnded().hasPassed("Task_RenewForReview", "EndEvent_RenewalReview");
    assertThat(instance).variables().containsEntry("termOutcome", "RENEWAL_REVIEW");
  }

  @Test
  void withoutADecisionAnAutoRenewingContractRenewsAndAnotherRunsOut() {
    autoRenew = true;
    ProcessInstance instance = activate();
    at(decisionDue());
    assertThat(instance).isWaitingAt("Task_DecideRenewal");

    autoRenew = false; // the renewed term is no longer auto-renewing
    at(termEnd.minus(NOTICE));
    assertThat(engine.steps())
        .containsExactly(
            "activateContract", "planTerm", "summariseObligations", "renewContract", "planTerm");
    assertThat(instance).isWaitingAt("Event_RenewalDecisionDue");

    at(decisionDue());
    at(termEnd.minus(NOTICE));
    assertThat(instance).isWaitingAt("Event_TermEnds");
    at(termEnd);

    assertThat(instance)
        .isEnded()
        .hasPassed("Event_NoticeDeadlinePassed", "Gateway_AutoRenews", "EndEvent_TermExpired");
    assertThat(instance).variables().containsEntry("termOutcome", "EXPIRED");
  }
}

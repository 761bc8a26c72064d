package io.contractflow.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lifecycle model on a plain engine: drafting waits for the owner, and ends by submission or cancellation. */
@Deployment(resources = "processes/contract-lifecycle.bpmn")
class ContractLifecycleProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
      .assertClassCoverageAtLeast(1.0).build();

  private ProcessInstance startDraft(String contractId) {
    return runtimeService().startProcessInstanceByKey(ContractLifecycle.PROCESS_KEY, contractId,
        Map.of("contractId", contractId, "reference", "CF-2026-0001", "owner", "rita"));
  }

  @Test
  void aNewContractWaitsInDrafting() {
    ProcessInstance instance = startDraft("c-1");

    assertThat(instance).isStarted().isWaitingAt("Gateway_Drafting");
    assertThat(instance).variables().containsEntry("owner", "rita");
  }

  @Test
  void cancellingTheDraftEndsTheLifecycle() {
    ProcessInstance instance = startDraft("c-2");

    runtimeService().createMessageCorrelation(ContractLifecycle.MESSAGE_CANCELLED)
        .processInstanceBusinessKey("c-2").setVariable("cancelledBy", "rita").correlate();

    assertThat(instance).hasPassed("Event_DraftCancelled").isEnded().hasPassed("EndEvent_Cancelled");
  }

  @Test
  void submittingTheDraftLeavesDraftingForReview() {
    ProcessInstance instance = startDraft("c-3");

    runtimeService().createMessageCorrelation("ContractSubmitted").processInstanceBusinessKey("c-3").correlate();

    assertThat(instance).hasPassed("Event_DraftSubmitted").isEnded().hasPassed("EndEvent_Submitted");
  }

  @Test
  void aCancellationReachesOnlyItsOwnContract() {
    ProcessInstance mine = startDraft("c-4");
    ProcessInstance other = startDraft("c-5");

    runtimeService().createMessageCorrelation(ContractLifecycle.MESSAGE_CANCELLED).processInstanceBusinessKey("c-4").correlate();

    assertThat(mine).isEnded();
    assertThat(other).isWaitingAt("Gateway_Drafting");
  }
}

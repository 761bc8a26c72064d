package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Expiry and termination: how the term ended decides the contract's final status. */
@Deployment(resources = "processes/contract-closure.bpmn")
class ClosureProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine =
      ProcessTestEngine.withDelegates(
          "expireContract", "terminateContract", "refundPaidInstalments");

  private ProcessInstance close(String termOutcome) {
    ProcessInstance instance =
        runtimeService()
            .startProcessInstanceByKey(
                "contract-closure", "c-1", Map.of("contractId", "c-1", "termOutcome", termOutcome));
    EngineSupport.runDueJobs();
    return instance;
  }

  @Test
  void aTermThatRanOutExpires() {
    assertThat(close("EXPIRED")).isEnded().hasPassed("Task_ExpireContract", "EndEvent_Expired");
    assertThat(engine.steps()).containsExactly("expireContract");
  }

  @Test
  void aTerminatedTermEndsTerminated() {
    assertThat(close("TERMINATED"))
        .isEnded()
        .hasPassed("Task_TerminateContract", "Task_RefundPaidInstalments", "EndEvent_Terminated");
    assertThat(engine.steps()).containsExactly("terminateContract", "refundPaidInstalments");
  }
}

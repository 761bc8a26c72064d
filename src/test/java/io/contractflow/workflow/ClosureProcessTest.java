package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Expiry and termination: how the term ended decides the contract's final status. */
@Deployment(resources = "processes/contract-closure.bpmn")
class ClosureProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
      .assertClassCoverageAtLeast(1.0).build();

  private final List<String> steps = new ArrayList<>();

  @BeforeEach
  void registerBeans() {
    for (String bean : List.of("expireContract", "terminateContract")) {
      Mocks.register(bean, (JavaDelegate) execution -> steps.add(bean));
    }
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private ProcessInstance close(String termOutcome) {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("contract-closure", "c-1",
        Map.of("contractId", "c-1", "termOutcome", termOutcome));
    EngineSupport.runDueJobs();
    return instance;
  }

  @Test
  void aTermThatRanOutExpires() {
    assertThat(close("EXPIRED")).isEnded().hasPassed("Task_ExpireContract", "EndEvent_Expired");
    assertThat(steps).containsExactly("expireContract");
  }

  @Test
  void aTerminatedTermEndsTerminated() {
    assertThat(close("TERMINATED")).isEnded().hasPassed("Task_TerminateContract", "EndEvent_Terminated");
    assertThat(steps).containsExactly("terminateContract");
  }
}

package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
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

/** Signing: waits for all signatures, a decline, or the links' expiry, on the engine's clock. */
@Deployment(resources = "processes/contract-signing.bpmn")
class SigningProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
      .assertClassCoverageAtLeast(1.0).build();

  private final List<String> steps = new ArrayList<>();

  @BeforeEach
  void registerBeans() {
    Mocks.register("sendForSignature", (JavaDelegate) execution -> {
      steps.add("sendForSignature");
      execution.setVariable("signingRequestId", "req-1");
      execution.setVariable("signingExpiresAt", Date.from(EngineSupport.now().plus(Duration.ofDays(14))));
    });
    for (String bean : List.of("sealSignedDocument", "expireSigningRequest", "returnContractToDraft")) {
      Mocks.register(bean, (JavaDelegate) execution -> steps.add(bean));
    }
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    EngineSupport.resetClock();
  }

  private ProcessInstance signing() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("contract-signing", "c-1",
        Map.of("contractId", "c-1", "reference", "CF-2026-0001", "owner", "rita"));
    EngineSupport.runDueJobs();
    return instance;
  }

  private void signal(String message) {
    runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("c-1")
        .processInstanceVariableEquals("signingRequestId", "req-1").correlate();
    EngineSupport.runDueJobs();
  }

  @Test
  void allSignaturesSealTheDocument() {
    ProcessInstance instance = signing();
    assertThat(instance).isWaitingAt("Gateway_AwaitSignatures");

    signal("SigningCompleted");

    assertThat(instance).isEnded().hasPassed("Task_SealSignedDocument", "EndEvent_Signed");
    assertThat(instance).variables().containsEntry("signingOutcome", "SIGNED");
    assertThat(steps).containsExactly("sendForSignature", "sealSignedDocument");
  }

  @Test
  void aDeclineSendsTheContractBackToDrafting() {
    ProcessInstance instance = signing();

    signal("SigningDeclined");

    assertThat(instance).isEnded().hasPassed("Task_ReturnToDraftDeclined", "EndEvent_Declined");
    assertThat(instance).variables().containsEntry("signingOutcome", "DECLINED");
  }

  @Test
  void unsignedLinksExpire() {
    ProcessInstance instance = signing();

    EngineSupport.advance(Duration.ofDays(13));
    assertThat(instance).isWaitingAt("Gateway_AwaitSignatures");
    EngineSupport.advance(Duration.ofDays(1).plusMinutes(1));

    assertThat(instance).isEnded().hasPassed("Task_ExpireSigningRequest", "Task_ReturnToDraftExpired", "EndEvent_Expired");
    assertThat(instance).variables().containsEntry("signingOutcome", "EXPIRED");
    assertThat(steps).containsExactly("sendForSignature", "expireSigningRequest", "returnContractToDraft");
  }
}

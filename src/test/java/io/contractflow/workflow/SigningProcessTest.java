package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signing: waits for all signatures, a decline, or the links' expiry, on the engine's clock. */
@Deployment(resources = "processes/contract-signing.bpmn")
class SigningProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine =
      ProcessTestEngine.withDelegates(
          "sealSignedDocument", "expireSigningRequest", "returnContractToDraft");

  /**
   * Whether the vendor has sent the envelope when "Finish sending" looks, in turn; when none is
   * left: sent.
   */
  private final Deque<Boolean> vendorAnswers = new ArrayDeque<>();

  @BeforeEach
  void registerBeans() {
    engine.delegate(
        "sendForSignature",
        execution -> {
          execution.setVariable("signingRequestId", "req-1");
          execution.setVariable(
              "signingExpiresAt", Date.from(EngineSupport.now().plus(Duration.ofDays(14))));
        });
    engine.delegate(
        "finishSending",
        execution -> {
          boolean sent = vendorAnswers.isEmpty() || vendorAnswers.pop();
          execution.setVariable("signingSent", sent);
          if (!sent) {
            execution.setVariable("signingRecheckIn", "PT2S");
          }
        });
  }

  private ProcessInstance signing() {
    ProcessInstance instance =
        runtimeService()
            .startProcessInstanceByKey(
                "contract-signing",
                "c-1",
                Map.of("contractId", "c-1", "reference", "CF-2026-0001", "owner", "rita"));
    EngineSupport.runDueJobs();
    return instance;
  }

  private void signal(String message) {
    runtimeService()
        .createMessageCorrelation(message)
        .processInstanceBusinessKey("c-1")
        .processInstanceVariableEquals("signingRequestId", "req-1")
        .correlate();
    EngineSupport.runDueJobs();
  }

  @Test
  void allSignaturesSealTheDocument() {
    ProcessInstance instance = signing();
    assertThat(instance).isWaitingAt("Gateway_AwaitSignatures");

    signal("SigningCompleted");

    assertThat(instance).isEnded().hasPassed("Task_SealSignedDocument", "EndEvent_Signed");
    assertThat(instance).variables().containsEntry("signingOutcome", "SIGNED");
    assertThat(engine.steps())
        .containsExactly("sendForSignature", "finishSending", "sealSignedDocument");
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

    assertThat(instance)
        .isEnded()
        .hasPassed("Task_ExpireSigningRequest", "Task_ReturnToDraftExpired", "EndEvent_Expired");
    assertThat(instance).variables().containsEntry("signingOutcome", "EXPIRED");
    assertThat(engine.steps())
        .containsExactly(
            "sendForSignature", "finishSending", "expireSigningRequest", "returnContractToDraft");
  }

  @Test
  void aVendorStillProcessingIsAskedAgainAtATimerWithoutAWaitingJob() {
    vendorAnswers.add(false);
    vendorAnswers.add(false);
    ProcessInstance instance = signing();
    assertThat(instance).isWaitingAt("Event_VendorProcessing");

    EngineSupport.advance(Duration.ofSeconds(1));
    assertThat(instance).isWaitingAt("Event_VendorProcessing");
    EngineSupport.advance(Duration.ofSeconds(1).plusMillis(1));
    assertThat(instance).isWaitingAt("Event_VendorProcessing");
    EngineSupport.advance(Duration.ofSeconds(2).plusMillis(1));

    assertThat(instance).isWaitingAt("Gateway_AwaitSignatures");
    assertThat(engine.steps())
        .containsExactly("sendForSignature", "finishSending", "finishSending", "finishSending");
  }
}

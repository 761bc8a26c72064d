package io.contractflow.workflow.steps;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.contractflow.audit.AuditTrail;
import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.notification.ProcessStepMail;
import io.contractflow.workflow.EngineSupport;
import io.contractflow.workflow.ProcessTestEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generic steps of the element templates, each configured only by the model's input parameters
 * (a model written as Modeler writes a templated element), on the plain engine: the contract
 * service, the audit trail and the event publisher are mocks, the webhook's receiver a WireMock
 * server.
 */
@Deployment(resources = "steps/templated-steps.bpmn")
class TemplatedStepsProcessTest {

  private static final String SECRET = "s3cret";
  private static final WireMockServer receiver = new WireMockServer(options().dynamicPort());

  @RegisterExtension static ProcessTestEngine engine = ProcessTestEngine.create();

  private final UUID contractId = UUID.randomUUID();
  private final ContractTransitions transitions = mock(ContractTransitions.class);
  private final AuditTrail audit = mock(AuditTrail.class);
  private final List<Object> published = new ArrayList<>();
  private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

  @BeforeAll
  static void startReceiver() {
    receiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop();
  }

  @BeforeEach
  void steps() {
    receiver.resetAll();
    ContractResponse contract = mock(ContractResponse.class);
    when(contract.id()).thenReturn(contractId);
    when(contract.reference()).thenReturn("CF-1");
    when(contract.title()).thenReturn("Hosting");
    when(contract.status()).thenReturn(ContractStatus.APPROVED);
    when(transitions.current(contractId)).thenReturn(contract);
    WebhookProperties webhooks =
        new WebhookProperties(
            List.of("localhost"), SECRET, Duration.ofSeconds(5), Duration.ofSeconds(20));
    engine.bean("setContractStatus", new SetContractStatus(transitions));
    engine.bean("recordAuditEntry", new RecordAuditEntry(audit));
    engine.bean("notifyByMail", new NotifyByMail(published::add));
    engine.bean(
        "callWebhook",
        new CallWebhook(
            webhooks,
            transitions,
            json,
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC)));
    engine.bean("setDueDate", new SetDueDate());
  }

  private ProcessInstance start() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-01T10:00:00Z")));
    return runtimeService()
        .startProcessInstanceByKey(
            "templated-steps",
            contractId.toString(),
            Map.of("owner", "rita", "webhookUrl", receiver.baseUrl() + "/hooks/contracts"));
  }

  @Test
  void eachStepDoesWhatItsParametersSay() throws Exception {
    receiver.stubFor(post("/hooks/contracts").willReturn(aResponse().withStatus(204)));
    ProcessInstance instance = start();
    EngineSupport.runDueJobs();

    verify(transitions)
        .moveTo(contractId, ContractStatus.APPROVED, "system", "security review passed");
    verify(audit)
        .record(
            eq(contractId),
            eq("system"),
            eq("SECURITY_REVIEW"),
            eq("Security review passed"),
            anyMap());
    assertThat(published)
        .singleElement()
        .isInstanceOfSatisfying(
            ProcessStepMail.class,
            mail -> {
              assertThat(mail.contractId()).isEqualTo(contractId);
              assertThat(mail.recipientType()).isEqualTo("role");
              assertThat(mail.recipient()).isEqualTo("OWNER");
              assertThat(mail.template()).isEqualTo("process-step");
              assertThat(mail.subject()).isEqualTo("Security review passed");
              assertThat(mail.message()).contains("passed the security review");
            });

    List<LoggedRequest> calls =
        receiver.findAll(
            postRequestedFor(urlEqualTo("/hooks/contracts"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.event", equalTo("contract.security-reviewed")))
                .withRequestBody(matchingJsonPath("$.contractId", equalTo(contractId.toString())))
                .withRequestBody(matchingJsonPath("$.status", equalTo("APPROVED"))));
    assertThat(calls).hasSize(1);
    LoggedRequest call = calls.get(0);
    String timestamp = call.getHeader(WebhookSignature.TIMESTAMP);
    assertThat(timestamp)
        .isEqualTo(Long.toString(Instant.parse("2026-03-01T10:00:00Z").getEpochSecond()));
    assertThat(call.getHeader(WebhookSignature.SIGNATURE))
        .startsWith("sha256=")
        .isEqualTo(WebhookSignature.sign(SECRET, Long.parseLong(timestamp), call.getBodyAsString()))
        .isNotEqualTo(
            WebhookSignature.sign("other", Long.parseLong(timestamp), call.getBodyAsString()));

    assertThat(instance).isWaitingAt("Task_Countersign");
    assertThat(task(instance).getDueDate().toInstant())
        .isEqualTo(EngineSupport.now().plus(Duration.ofDays(2).plusHours(4)));
    assertThat(task(instance)).isAssignedTo("rita");
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(task(instance));
    assertThat(instance).isEnded();
  }

  @Test
  void aWebhookThatFailsFailsItsJob() {
    receiver.stubFor(post("/hooks/contracts").willReturn(aResponse().withStatus(503)));
    ProcessInstance instance = start();
    for (int step = 0; step < 3; step++) {
      managementService().executeJob(job(instance).getId());
    }
    String failing = job(instance).getId();
    assertThatThrownBy(() -> managementService().executeJob(failing))
        .hasMessageContaining("answered 503");
    assertThat(job(instance).getExceptionMessage()).contains("answered 503");
    assertThat(job(instance).getRetries()).isEqualTo(2);
    assertThat(instance).isWaitingAt("Task_TellErp");

    receiver.stubFor(post("/hooks/contracts").willReturn(aResponse().withStatus(200)));
    managementService().executeJob(failing);
    assertThat(instance).isWaitingAt("Task_Countersign");
  }

  @Test
  void aStatusTheTableRefusesFailsTheStep() {
    when(transitions.moveTo(any(), any(), any(), any()))
        .thenThrow(new IllegalStateException("A DRAFT contract cannot become APPROVED"));
    ProcessInstance instance = start();
    String job = job(instance).getId();
    assertThatThrownBy(() -> managementService().executeJob(job))
        .hasMessageContaining("cannot become APPROVED");
    assertThat(job(instance).getExceptionMessage()).contains("cannot become APPROVED");
    assertThat(instance).isWaitingAt("Task_PutOnHold");
  }

  private static Job job(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
  }
}

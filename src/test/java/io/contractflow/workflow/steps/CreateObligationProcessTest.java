package io.contractflow.workflow.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.contractflow.contract.ContractRequest;
import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.obligation.Obligation;
import io.contractflow.obligation.ObligationKind;
import io.contractflow.obligation.ObligationRequest;
import io.contractflow.obligation.Obligations;
import io.contractflow.obligation.OwedBy;
import io.contractflow.obligation.OwnerType;
import io.contractflow.obligation.Schedule;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.workflow.ProcessTestEngine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * The "Create obligation" template's step on the plain engine (the obligation service a mock): it
 * adds the obligation its parameters describe to the contract of the business key; a bad value an
 * expression gives, or a refusal of the obligation service, fails its job with a message naming the
 * parameter (retries, then an incident), and nothing is created.
 */
@Deployment(resources = "steps/create-obligation.bpmn")
class CreateObligationProcessTest {

  @RegisterExtension static ProcessTestEngine engine = ProcessTestEngine.create();

  private final UUID contractId = UUID.randomUUID();
  private final Obligations obligations = mock(Obligations.class);

  @BeforeEach
  void step() {
    ContractTransitions transitions = mock(ContractTransitions.class);
    ContractResponse contract = mock(ContractResponse.class);
    when(contract.value())
        .thenReturn(new ContractRequest.MoneyBody(new BigDecimal("10000"), "EUR"));
    when(contract.owner()).thenReturn("rita");
    when(transitions.current(contractId)).thenReturn(contract);
    engine.bean("createObligation", new CreateObligation(obligations, transitions));
  }

  private ProcessInstance start(String kind, String fee) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-01T10:00:00Z")));
    return runtimeService()
        .startProcessInstanceByKey(
            "create-obligation-step", contractId.toString(), Map.of("kind", kind, "fee", fee));
  }

  private static Job job(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void theObligationItsParametersDescribeIsAddedToTheContract() {
    UUID created = UUID.randomUUID();
    when(obligations.addByProcess(eq(contractId), any(), eq("system")))
        .thenReturn(
            new Obligation(
                created,
                contractId,
                ObligationKind.PAYMENT,
                "Support fee",
                OwnerType.GROUP,
                "finance-approver",
                null,
                OwedBy.COUNTERPARTY,
                Schedule.QUARTERLY,
                new BigDecimal("2500.00"),
                "EUR",
                "system",
                Instant.now(),
                List.of()));
    ProcessInstance instance = start("PAYMENT", "2500.00");
    managementService().executeJob(job(instance).getId());

    ArgumentCaptor<ObligationRequest> request = ArgumentCaptor.forClass(ObligationRequest.class);
    verify(obligations).addByProcess(eq(contractId), request.capture(), eq("system"));
    assertThat(request.getValue().kind()).isEqualTo(ObligationKind.PAYMENT);
    assertThat(request.getValue().title()).isEqualTo("Support fee");
    assertThat(request.getValue().owedBy()).isEqualTo(OwedBy.COUNTERPARTY);
    assertThat(request.getValue().owner())
        .isEqualTo(new ObligationRequest.Owner(OwnerType.GROUP, "finance-approver"));
    assertThat(request.getValue().schedule()).isEqualTo(Schedule.QUARTERLY);
    assertThat(request.getValue().firstDue()).isEqualTo(LocalDate.parse("2026-03-31"));
    assertThat(request.getValue().until()).isNull();
    assertThat(request.getValue().amount())
        .as("in the contract's currency")
        .isEqualTo(new ObligationRequest.Amount(new BigDecimal("2500.00"), "EUR"));
    assertThat(instance).isEnded();
    assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName("createdObligationId")
                .singleResult()
                .getValue())
        .isEqualTo(created.toString());
  }

  @Test
  void aBadValueFromAnExpressionFailsTheStepAndCreatesNothing() {
    ProcessInstance instance = start("BONUS", "-5");
    String failing = job(instance).getId();
    assertThatThrownBy(() -> managementService().executeJob(failing))
        .hasMessageContaining("Create obligation \"Add the support fee\"")
        .hasMessageContaining("kind 'BONUS' is not one of")
        .hasMessageContaining("amount '-5' is no positive amount");
    assertThat(job(instance).getRetries()).isEqualTo(2);
    for (int retry = 0; retry < 2; retry++) {
      assertThatThrownBy(() -> managementService().executeJob(failing));
    }
    assertThat(job(instance).getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
        .as("an incident for the designer, no silent wrong obligation")
        .isEqualTo(1);
    verify(obligations, never()).addByProcess(any(), any(), any());
    assertThat(instance).isWaitingAt("Task_AddSupportFee");
  }

  @Test
  void aRefusalOfTheObligationServiceFailsTheStepWithItsReason() {
    when(obligations.addByProcess(eq(contractId), any(), any()))
        .thenThrow(new ConflictException("A TERMINATED contract takes no new obligations"));
    ProcessInstance instance = start("PAYMENT", "100");
    String failing = job(instance).getId();
    assertThatThrownBy(() -> managementService().executeJob(failing))
        .hasMessageContaining("TERMINATED contract takes no new obligations");
    assertThat(instance).isWaitingAt("Task_AddSupportFee");
  }
}

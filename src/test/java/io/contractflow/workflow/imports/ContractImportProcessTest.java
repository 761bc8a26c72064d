package io.contractflow.workflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import io.contractflow.workflow.EngineSupport;
import io.contractflow.workflow.ProcessTestEngine;
import io.contractflow.workflow.TaskRefusedException;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The import of one file on the engine's clock: checked, read, created, verified by its owner, then
 * active in the lifecycle or expired at once; a refused file, a duplicate, a low-confidence fact
 * left unconfirmed, and a failing step that retries and then raises an incident on this file.
 */
@Deployment(resources = "processes/contract-import.bpmn")
class ContractImportProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine =
      ProcessTestEngine.withDelegates(
          "extractImportedFacts", "markImportedContractExpired", "joinLifecycleAtActiveTerm");

  private boolean refused;
  private boolean duplicate;
  private boolean factsRefused;
  private boolean termEnded;
  private int checkFailures;

  @BeforeEach
  void beans() {
    engine.delegate(
        "checkImportedDocument",
        execution -> {
          if (checkFailures-- > 0) {
            throw new IllegalStateException("virus scan unavailable");
          }
          if (refused) {
            throw new BpmnError("DOCUMENT_REFUSED", "The PDF is damaged");
          }
        });
    engine.delegate(
        "createImportedContract",
        execution -> {
          if (factsRefused) {
            throw new BpmnError("DOCUMENT_REFUSED", "endDate must not be before startDate");
          }
          execution.setVariable("duplicate", duplicate);
          execution.setVariable("importedEndDate", "2027-03-31");
          execution.setVariable("importedEndDateConfirmed", false);
        });
    engine.bean(
        "verifiedFactsCheck",
        (TaskListener)
            task -> {
              if (!Boolean.TRUE.equals(task.getVariable("importedEndDateConfirmed"))) {
                throw new TaskRefusedException("Confirm importedEndDate");
              }
              task.getExecution().getProcessInstance().setVariable("verifiedBy", "rita");
            });
    engine.delegate(
        "applyVerifiedFacts", execution -> execution.setVariable("termEnded", termEnded));
  }

  private ProcessInstance importFile() {
    ProcessInstance instance =
        runtimeService()
            .startProcessInstanceByKey(
                "contract-import",
                "c-1",
                Map.of("contractId", "c-1", "owner", "rita", "importId", "i-1"));
    EngineSupport.runDueJobs();
    return instance;
  }

  private void verify(boolean confirmEndDate) {
    taskService()
        .complete(
            taskService().createTaskQuery().singleResult().getId(),
            Map.of("importedEndDateConfirmed", confirmEndDate));
    EngineSupport.runDueJobs();
  }

  @Test
  void aVerifiedFileJoinsTheLifecycleAtItsActiveTerm() {
    ProcessInstance instance = importFile();
    assertThat(instance).isWaitingAt("Task_VerifyContract");
    assertThat(task(instance)).isAssignedTo("rita");
    assertThat(engine.steps())
        .containsExactly("checkImportedDocument", "extractImportedFacts", "createImportedContract");

    verify(true);

    assertThat(instance).isEnded().hasPassed("Task_JoinLifecycle", "EndEvent_Active");
    assertThat(engine.steps())
        .endsWith("applyVerifiedFacts", "joinLifecycleAtActiveTerm")
        .doesNotContain("markImportedContractExpired");
  }

  @Test
  void aFileWhoseTermHasEndedExpiresAtOnce() {
    termEnded = true;
    ProcessInstance instance = importFile();
    verify(true);

    assertThat(instance).isEnded().hasPassed("Task_MarkExpired", "EndEvent_Expired");
    assertThat(engine.steps()).doesNotContain("joinLifecycleAtActiveTerm");
  }

  @Test
  void aLowConfidenceFactMustBeConfirmedBeforeTheContractJoinsTheLifecycle() {
    ProcessInstance instance = importFile();

    assertThatThrownBy(() -> verify(false)).hasMessageContaining("Confirm importedEndDate");

    assertThat(instance).isWaitingAt("Task_VerifyContract");
    assertThat(engine.steps()).doesNotContain("applyVerifiedFacts");
  }

  @Test
  void aRefusedFileEndsRefusedWithoutAContract() {
    refused = true;
    ProcessInstance instance = importFile();

    assertThat(instance).isEnded().hasPassed("EndEvent_Refused");
    assertThat(engine.steps()).containsExactly("checkImportedDocument");
  }

  @Test
  void aFileWhoseFactsCannotMakeAContractEndsRefused() {
    factsRefused = true;
    ProcessInstance instance = importFile();

    assertThat(instance).isEnded().hasPassed("EndEvent_FactsRefused");
    assertThat(engine.steps()).endsWith("createImportedContract");
  }

  @Test
  void theSameFileImportedBeforeEndsAsADuplicate() {
    duplicate = true;
    ProcessInstance instance = importFile();

    assertThat(instance)
        .isEnded()
        .hasPassed("EndEvent_Duplicate")
        .hasNotPassed("Task_VerifyContract");
  }

  @Test
  void aFailingStepRetriesThenRaisesAnIncidentOnThisFileAndResumes() {
    checkFailures = 3;
    ProcessInstance instance =
        runtimeService()
            .startProcessInstanceByKey(
                "contract-import",
                "c-1",
                Map.of("contractId", "c-1", "owner", "rita", "importId", "i-1"));
    for (int attempt = 0; attempt < 3; attempt++) {
      runFailingJob(instance);
      ClockUtil.setCurrentTime(Date.from(EngineSupport.now().plus(Duration.ofMinutes(2))));
    }
    assertThat(instance).isWaitingAt("Task_CheckDocument");
    Job job =
        managementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(job.getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
        .isEqualTo(1);

    managementService().setJobRetries(job.getId(), 1);
    EngineSupport.runDueJobs();

    assertThat(instance).isWaitingAt("Task_VerifyContract");
  }

  private static void runFailingJob(ProcessInstance instance) {
    Job job =
        managementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .executable()
            .singleResult();
    assertThat(job).as("a due job").isNotNull();
    assertThatThrownBy(() -> managementService().executeJob(job.getId()))
        .hasMessageContaining("virus scan unavailable");
  }
}

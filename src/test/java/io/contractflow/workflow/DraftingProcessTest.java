package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Drafting: the owner's submit task, guarded by the submission check. */
@Deployment(resources = "processes/contract-drafting.bpmn")
class DraftingProcessTest {

  @RegisterExtension static ProcessTestEngine engine = ProcessTestEngine.create();

  private final AtomicBoolean documentPresent = new AtomicBoolean(true);

  @BeforeEach
  void registerListeners() {
    engine.bean(
        "draftSubmissionCheck",
        (TaskListener)
            task -> {
              if (!documentPresent.get()) {
                throw new TaskRefusedException("no document yet");
              }
            });
  }

  private ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            "contract-drafting",
            "c-1",
            Map.of("contractId", "c-1", "reference", "CF-2026-0001", "owner", "rita"));
  }

  @Test
  void theOwnerSubmitsTheDraft() {
    ProcessInstance drafting = start();

    assertThat(drafting).isWaitingAt("Task_SubmitDraft").task().isAssignedTo("rita");
    complete(
        task(drafting),
        withVariables("nonStandardTerms", true, "comment", "please look at clause 7"));

    assertThat(drafting)
        .isEnded()
        .hasPassed("EndEvent_Submitted")
        .variables()
        .containsEntry("nonStandardTerms", true);
  }

  @Test
  void aDraftTheCheckRefusesStaysInDrafting() {
    ProcessInstance drafting = start();
    documentPresent.set(false);

    assertThatThrownBy(() -> complete(task(drafting)))
        .hasRootCauseInstanceOf(TaskRefusedException.class);

    assertThat(drafting).isWaitingAt("Task_SubmitDraft");
  }
}

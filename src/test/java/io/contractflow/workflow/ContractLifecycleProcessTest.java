package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle model calling its phases. The phases are stand-ins here (src/test/resources/stubs:
 * each waits at one task and ends with the outcome it is given); each real phase has a process test
 * of its own.
 */
@Deployment(
    resources = {
      "processes/contract-lifecycle.bpmn",
      "stubs/contract-drafting.bpmn",
      "stubs/contract-review.bpmn",
      "stubs/contract-signing.bpmn",
      "stubs/contract-term.bpmn",
      "stubs/contract-closure.bpmn"
    })
class ContractLifecycleProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withDelegates("withdrawSigningRequest");

  private ProcessInstance start(String contractId) {
    return runtimeService()
        .startProcessInstanceByKey(
            ContractLifecycle.PROCESS_KEY,
            contractId,
            Map.of("contractId", contractId, "reference", "CF-2026-0001", "owner", "rita"));
  }

  /**
   * Completes the running phase of the contract, which must be the given one, with its outcome
   * variables.
   */
  private void finish(String contractId, String phase, Map<String, Object> outcome) {
    Task task = taskQuery().processInstanceBusinessKey(contractId).singleResult();
    assertThat(task).as("the task of the running phase").isNotNull();
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult()
                .getProcessDefinitionId())
        .startsWith(phase + ":");
    taskService().complete(task.getId(), outcome);
    EngineSupport.runDueJobs();
  }

  @Test
  void aContractGoesFromDraftThroughReviewAndSigningToItsEnd() {
    ProcessInstance instance = start("c-1");
    assertThat(instance).isWaitingAt("Activity_Drafting");
    assertThat(
            runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("c-1").count())
        .as("the phase shares the contract's business key")
        .isEqualTo(2);

    finish("c-1", "contract-drafting", Map.of("nonStandardTerms", true));
    assertThat(instance)
        .isWaitingAt("Activity_Review")
        .variables()
        .containsEntry("nonStandardTerms", true);
    finish("c-1", "contract-review", Map.of("reviewOutcome", "APPROVED"));
    finish("c-1", "contract-signing", Map.of("signingOutcome", "SIGNED"));
    finish("c-1", "contract-term", Map.of("termOutcome", "EXPIRED"));
    finish("c-1", "contract-closure", Map.of());

    assertThat(instance).isEnded().hasPassed("Activity_Closure", "EndEvent_Closed");
  }

  @Test
  void requestedChangesAndDeclinedSigningGoBackToDrafting() {
    ProcessInstance instance = start("c-2");

    finish("c-2", "contract-drafting", Map.of());
    finish("c-2", "contract-review", Map.of("reviewOutcome", "CHANGES_REQUESTED"));
    assertThat(instance).isWaitingAt("Activity_Drafting");
    finish("c-2", "contract-drafting", Map.of());
    finish("c-2", "contract-review", Map.of("reviewOutcome", "APPROVED"));
    finish("c-2", "contract-signing", Map.of("signingOutcome", "DECLINED"));

    assertThat(instance).isWaitingAt("Activity_Drafting");
    assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId("Activity_Drafting")
                .count())
        .as("drafting entered three times")
        .isEqualTo(3);
  }

  @Test
  void aRejectedContractEndsItsLifecycle() {
    ProcessInstance instance = start("c-3");

    finish("c-3", "contract-drafting", Map.of());
    finish("c-3", "contract-review", Map.of("reviewOutcome", "REJECTED"));

    assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
  }

  @Test
  void aRenewalThroughReviewGoesBackToReview() {
    ProcessInstance instance = start("c-4");

    finish("c-4", "contract-drafting", Map.of());
    finish("c-4", "contract-review", Map.of("reviewOutcome", "APPROVED"));
    finish("c-4", "contract-signing", Map.of("signingOutcome", "SIGNED"));
    finish("c-4", "contract-term", Map.of("termOutcome", "RENEWAL_REVIEW"));

    assertThat(instance).isWaitingAt("Activity_Review");
    assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId("Activity_Review")
                .count())
        .as("review entered twice")
        .isEqualTo(2);
  }

  @Test
  void cancellingEndsTheLifecycleAndItsRunningPhase() {
    ProcessInstance instance = start("c-5");
    finish("c-5", "contract-drafting", Map.of());

    runtimeService()
        .createMessageCorrelation(ContractLifecycle.MESSAGE_CANCELLED)
        .processInstanceBusinessKey("c-5")
        .setVariable("cancelledBy", "rita")
        .correlateAll();
    EngineSupport.runDueJobs();

    assertThat(instance).isEnded().hasPassed("Task_WithdrawSigning", "EndEvent_Cancelled");
    assertThat(engine.steps()).containsExactly("withdrawSigningRequest");
    assertThat(
            runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("c-5").count())
        .isZero();
  }

  @Test
  void aCancellationReachesOnlyItsOwnContract() {
    ProcessInstance mine = start("c-6");
    ProcessInstance other = start("c-7");

    runtimeService()
        .createMessageCorrelation(ContractLifecycle.MESSAGE_CANCELLED)
        .processInstanceBusinessKey("c-6")
        .correlateAll();
    EngineSupport.runDueJobs();

    assertThat(mine).isEnded();
    assertThat(other).isActive().isWaitingAt("Activity_Drafting");
  }
}

package io.contractflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.platform.error.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A form renderer's one object of values completes the lifecycle tasks as their own fields do. */
class TaskDecisionsTest {

  @Test
  void aReviewFormsValuesCarryTheDecisionAndComment() {
    var fromForm =
        new CompleteTaskRequest(
            null, null, null, Map.of("decision", "REQUEST_CHANGES", "comment", "clause 4"));
    var ownFields = new CompleteTaskRequest("REQUEST_CHANGES", "clause 4", null);

    assertThat(TaskDecisions.variables("review", fromForm))
        .isEqualTo(TaskDecisions.variables("review", ownFields))
        .containsEntry("decision", "REQUEST_CHANGES")
        .containsEntry("comment", "clause 4");
  }

  @Test
  void theReasonRuleHoldsForFormValuesToo() {
    var noReason = new CompleteTaskRequest(null, null, null, Map.of("decision", "REQUEST_CHANGES"));
    assertThatThrownBy(() -> TaskDecisions.variables("review", noReason))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aSubmitFormsFlagAndARenewalFormsDecision() {
    assertThat(
            TaskDecisions.variables(
                "submit-draft",
                new CompleteTaskRequest(null, null, null, Map.of("nonStandardTerms", true))))
        .containsEntry("nonStandardTerms", true)
        .containsEntry("comment", "");
    assertThat(
            TaskDecisions.variables(
                "decide-renewal",
                new CompleteTaskRequest(null, null, null, Map.of("renewalDecision", "RENEW"))))
        .containsEntry("renewalDecision", "RENEW");
  }

  @Test
  void theRequestsOwnFieldWinsAndTheSameValueTwiceIsRefused() {
    var both =
        new CompleteTaskRequest(
            "APPROVE", "fine", null, Map.of("decision", "REJECT", "comment", "other"));
    assertThatThrownBy(() -> TaskDecisions.variables("review", both))
        .isInstanceOf(InvalidInputException.class);
  }
}

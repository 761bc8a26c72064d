package io.contractflow.workflow.api;

import io.contractflow.platform.validation.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Completing a task: the decision the task asks for (review: APPROVE, REJECT, REQUEST_CHANGES;
 * renewal: RENEW, RENEW_WITH_REVIEW, TERMINATE; submitting a draft takes none), a comment, for a
 * draft the non-standard-terms flag, and the values of the task's form fields by their key (any
 * task with a Camunda Form; checked against the form on the server).
 */
public record CompleteTaskRequest(
    @Size(max = 40) String decision,
    @Size(max = 4000) @PlainText(multiline = true) String comment,
    Boolean nonStandardTerms,
    @Schema(
            description =
                "The task's form fields by key (GET /api/tasks/{id}/form): text, numbers, true/false, "
                    + "an option's value, a list of option values, ISO dates")
        @Size(max = 100)
        Map<String, Object> values) {

  /** A decision, comment and flag only (the three lifecycle tasks' shortcuts). */
  public CompleteTaskRequest(String decision, String comment, Boolean nonStandardTerms) {
    this(decision, comment, nonStandardTerms, null);
  }
}

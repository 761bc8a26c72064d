package io.contractflow.workflow.api;

import io.contractflow.platform.validation.PlainText;
import jakarta.validation.constraints.Size;

/**
 * Completing a task: the decision the task asks for (review: APPROVE, REJECT, REQUEST_CHANGES;
 * renewal: RENEW, RENEW_WITH_REVIEW, TERMINATE; submitting a draft takes none), a comment, and for
 * a draft the non-standard-terms flag.
 */
public record CompleteTaskRequest(
    @Size(max = 40) String decision,
    @Size(max = 4000) @PlainText(multiline = true) String comment,
    Boolean nonStandardTerms) {}

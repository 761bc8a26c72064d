package io.contractflow.workflow.api;

import io.contractflow.platform.validation.PlainText;
import jakarta.validation.constraints.Size;

/**
 * Submitting a draft for review: whether it departs from standard terms, and a note for the
 * reviewers.
 */
public record SubmitRequest(
    Boolean nonStandardTerms, @Size(max = 4000) @PlainText(multiline = true) String comment) {}

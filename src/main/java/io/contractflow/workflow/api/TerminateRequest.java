package io.contractflow.workflow.api;

import io.contractflow.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Ending an active contract early, with the reason (recorded in its history). */
public record TerminateRequest(
    @NotBlank @Size(max = 2000) @PlainText(multiline = true) String reason) {}

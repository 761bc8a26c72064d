package io.contractflow.obligation;

import io.contractflow.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An administrator waives an instalment, with the reason. */
public record WaiveRequest(
    @NotBlank @Size(max = 2000) @PlainText(multiline = true) String reason) {}

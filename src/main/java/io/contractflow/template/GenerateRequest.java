package io.contractflow.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Which template to fill for a contract, and the custom fields it asks for ({@code {{var.NAME}}}).
 */
record GenerateRequest(
    @NotBlank @Size(max = 64) String template,
    @Size(max = 100) Map<String, @Size(max = 50_000) String> variables) {}

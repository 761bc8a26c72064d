package io.contractflow.workflow.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user task as the process API shows it, with the contract it belongs to. */
public record TaskView(
    String id,
    @Schema(description = "The task's id in its model (informative: the API finds tasks by role)")
        String key,
    String name,
    @Schema(
            description =
                "The role the task plays (its model's contractflow.role property): review, "
                    + "submit-draft, decide-renewal, or a designer's own; null if none")
        String role,
    String phase,
    UUID contractId,
    String reference,
    String contractTitle,
    String assignee,
    List<String> candidateGroups,
    Instant created,
    Instant due,
    int priority,
    @Schema(description = "The decisions a task of a known role offers (also its form's options)")
        List<String> decisions,
    @Schema(
            description =
                "Where the task's form schema (form-js JSON) is read, if it has a Camunda Form: "
                    + "complete it with its fields in values")
        String form,
    @Schema(
            description =
                "The obligation instalment a task of an instalment's process is about (its id in"
                    + " GET /api/contracts/{id}/obligations); null for other tasks")
        UUID instalmentId) {}

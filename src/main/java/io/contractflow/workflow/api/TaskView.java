package io.contractflow.workflow.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user task as the process API shows it, with the contract it belongs to. */
public record TaskView(
    String id,
    String key,
    String name,
    String phase,
    UUID contractId,
    String reference,
    String contractTitle,
    String assignee,
    List<String> candidateGroups,
    Instant created,
    Instant due,
    int priority,
    List<String> decisions) {}

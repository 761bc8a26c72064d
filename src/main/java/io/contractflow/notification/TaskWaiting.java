package io.contractflow.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction that created a user task of a contract: the task now waits for
 * its assignee, or for its candidate users and the members of its candidate groups.
 */
public record TaskWaiting(
    String taskId,
    String taskName,
    UUID contractId,
    String assignee,
    List<String> candidateUsers,
    List<String> candidateGroups,
    Instant due) {}

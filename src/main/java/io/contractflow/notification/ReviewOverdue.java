package io.contractflow.notification;

import java.util.List;
import java.util.UUID;

/**
 * Published when a review passes its due date ({@code escalated=false}: remind the groups) and
 * again when it is escalated to the contract admins ({@code escalated=true}).
 */
public record ReviewOverdue(
    UUID contractId,
    String reference,
    List<String> groups,
    List<String> taskIds,
    boolean escalated) {}

package io.contractflow.contract;

import java.time.Instant;

/**
 * A legal hold on a contract (issue 21): while it is set, retention neither lists nor deletes the
 * contract. Why, who placed it, when.
 */
public record LegalHold(String reason, String placedBy, Instant placedAt) {}

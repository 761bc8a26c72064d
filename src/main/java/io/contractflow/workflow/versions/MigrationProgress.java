package io.contractflow.workflow.versions;

import java.time.Instant;

/**
 * A migration batch as the engine runs it: jobs done, failed (each failed job is an incident in
 * Cockpit, its instances stay on the old version) and left, and whether it has finished.
 */
record MigrationProgress(
    String batchId,
    String key,
    Integer fromVersion,
    Integer toVersion,
    int instances,
    int totalJobs,
    Integer completedJobs,
    Integer failedJobs,
    Integer remainingJobs,
    Instant startedAt,
    Instant finishedAt,
    boolean finished) {}

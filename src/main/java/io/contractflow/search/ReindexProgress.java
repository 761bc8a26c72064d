package io.contractflow.search;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a rebuild of the index stands.
 *
 * @param state RUNNING, DONE or FAILED
 * @param total contracts in the database when it started
 * @param indexed contracts written so far
 */
record ReindexProgress(
    String index,
    String requestedBy,
    String state,
    long total,
    long indexed,
    Instant startedAt,
    Instant finishedAt,
    String error) {

  static ReindexProgress started(String index, String requestedBy, long total, Instant at) {
    return new ReindexProgress(index, requestedBy, "RUNNING", total, 0, at, null, null);
  }

  ReindexProgress advanced(long indexed) {
    return new ReindexProgress(index, requestedBy, state, total, indexed, startedAt, null, null);
  }

  ReindexProgress finished() {
    return new ReindexProgress(
        index, requestedBy, "DONE", total, indexed, startedAt, Instant.now(), null);
  }

  ReindexProgress failed(String why) {
    return new ReindexProgress(
        index, requestedBy, "FAILED", total, indexed, startedAt, Instant.now(), why);
  }

  public double seconds() {
    Instant end = finishedAt == null ? Instant.now() : finishedAt;
    return Math.round(Duration.between(startedAt, end).toMillis() / 100.0) / 10.0;
  }

  public long perSecond() {
    double seconds = seconds();
    return seconds <= 0 ? indexed : Math.round(indexed / seconds);
  }
}

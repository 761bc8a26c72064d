package io.contractflow.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events that cause mail ({@code contractflow.notification_event}), written in the event's own transaction and
 * turned into mail later by {@link MailDispatcher}: who receives it and what it says are worked out outside the
 * business transaction, so a slow or unreachable identity provider delays mail and never fails the event.
 */
@Repository
class NotificationEvents {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  NotificationEvents(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** An event waiting to be turned into mail. */
  record Pending(UUID id, String kind, String payload, int attempts) {}

  @Transactional(propagation = Propagation.MANDATORY)
  void record(String kind, String payload) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("""
        insert into contractflow.notification_event (id, kind, payload, created_at, next_attempt_at)
        values (?, ?, ?, ?, ?)""", UUID.randomUUID(), kind, payload, now, now);
  }

  /**
   * Records an event found by a scan, once per key whichever node scans (a unique key; a second is dropped). Joins
   * the caller's transaction or runs in one of its own; returns whether it was recorded now.
   */
  @Transactional
  boolean recordOnce(String kind, String payload, String dedupeKey) {
    Timestamp now = Timestamp.from(clock.instant());
    return jdbc.update("""
        insert into contractflow.notification_event (id, kind, payload, created_at, next_attempt_at, dedupe_key)
        values (?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing""",
        UUID.randomUUID(), kind, payload, now, now, dedupeKey) == 1;
  }

  /** Deletes up to {@code batch} events turned into mail before {@code cutoff}; returns how many. */
  @Transactional
  int deleteDoneBefore(Instant cutoff, int batch) {
    return jdbc.update("""
        delete from contractflow.notification_event where id in (select id from contractflow.notification_event
            where done_at < ? limit ?)""", Timestamp.from(cutoff), batch);
  }

  /** Up to {@code limit} events due now, locked for the calling transaction; other nodes skip them. */
  @Transactional(propagation = Propagation.MANDATORY)
  List<Pending> lockDue(int limit) {
    return jdbc.query("""
        select id, kind, payload, attempts from contractflow.notification_event
        where done_at is null and failed_at is null and next_attempt_at <= ?
        order by next_attempt_at, created_at limit ? for update skip locked""",
        (rs, i) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)),
        Timestamp.from(clock.instant()), limit);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void markDone(UUID id) {
    jdbc.update("update contractflow.notification_event set done_at = ?, attempts = attempts + 1, last_error = null"
        + " where id = ?", Timestamp.from(clock.instant()), id);
  }

  /** Records a failed attempt in a transaction of its own: tried again after {@code retryIn}, or given up. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void markFailed(UUID id, String error, Duration retryIn) {
    FailedAttempts.record(jdbc, "contractflow.notification_event", id, error, retryIn, clock.instant());
  }

  /** Events not yet turned into mail nor given up. */
  long backlog() {
    Long count = jdbc.queryForObject("select count(*) from contractflow.notification_event"
        + " where done_at is null and failed_at is null", Long.class);
    return count == null ? 0 : count;
  }
}

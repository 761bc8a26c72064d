package io.contractflow.platform.outbox;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The worker's side of {@code contractflow.outbox}. Times are the database's ({@code now()}), so
 * the schedule holds whatever the platform's business clock says and across nodes.
 */
@Component
class OutboxStore {

  private static final int MAX_ERROR_LENGTH = 1000;

  private final JdbcTemplate jdbc;

  OutboxStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Up to {@code limit} due entries of the topic, locked for the calling transaction; other nodes
   * skip them.
   */
  List<OutboxEntry> lockDue(String topic, int limit) {
    return jdbc.query(
        """
        select id, topic, payload, attempts from contractflow.outbox
        where topic = ? and done_at is null and failed_at is null and next_attempt_at <= now()
        order by next_attempt_at, id limit ? for update skip locked""",
        (rs, i) -> new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
        topic,
        limit);
  }

  /**
   * Locks one entry if it is still due and no other transaction holds it (empty otherwise): for
   * working the entries of a failed batch one by one.
   */
  List<OutboxEntry> lockDueById(long id) {
    return jdbc.query(
        """
        select id, topic, payload, attempts from contractflow.outbox
        where id = ? and done_at is null and failed_at is null and next_attempt_at <= now()
        for update skip locked""",
        (rs, i) -> new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
        id);
  }

  /** Marks the entries done: deleted, or kept as done while their key has to be remembered. */
  void done(Collection<OutboxEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Long[] ids = entries.stream().map(OutboxEntry::id).toArray(Long[]::new);
    jdbc.update(
        "delete from contractflow.outbox where id = any(?) and dedupe_key is null",
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
    jdbc.update(
        "update contractflow.outbox set done_at = now(), attempts = attempts + 1, last_error = null"
            + " where id = any(?)",
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
  }

  /**
   * Records a failed attempt at the entry: due again after {@code retryIn}, or given up when it is
   * null. Counts only if nobody has worked the entry since it was read ({@code attempts} unchanged)
   * and nobody holds it now.
   */
  boolean failed(OutboxEntry entry, String error, Duration retryIn) {
    String message =
        error == null
            ? "unknown error"
            : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    String select =
        "(select id from contractflow.outbox where id = ? and attempts = ? and done_at is null"
            + " and failed_at is null for update skip locked)";
    if (retryIn == null) {
      return jdbc.update(
              "update contractflow.outbox set attempts = attempts + 1, failed_at = now(), last_error = ?"
                  + " where id = "
                  + select,
              message,
              entry.id(),
              entry.attempts())
          == 1;
    }
    return jdbc.update(
            "update contractflow.outbox set attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = now() + make_interval(secs => ?) where id = "
                + select,
            message,
            retryIn.toMillis() / 1000.0,
            entry.id(),
            entry.attempts())
        == 1;
  }

  /** Per topic: entries waiting (due or not), given up, and the age of the oldest waiting one. */
  Map<String, OutboxBacklog> backlog() {
    Map<String, OutboxBacklog> waiting =
        jdbc
            .query(
                """
        select topic, count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from contractflow.outbox
        where done_at is null and failed_at is null group by topic""",
                (rs, i) -> new OutboxBacklog(rs.getString(1), rs.getLong(2), 0, rs.getDouble(3)))
            .stream()
            .collect(Collectors.toMap(OutboxBacklog::topic, Function.identity()));
    jdbc.query(
        "select topic, count(*) from contractflow.outbox where failed_at is not null group by topic",
        rs -> {
          String topic = rs.getString(1);
          OutboxBacklog pending = waiting.getOrDefault(topic, new OutboxBacklog(topic, 0, 0, 0));
          waiting.put(
              topic,
              new OutboxBacklog(
                  topic, pending.pending(), rs.getLong(2), pending.oldestAgeSeconds()));
        });
    return waiting;
  }

  /** A topic's backlog. */
  record OutboxBacklog(String topic, long pending, long failed, double oldestAgeSeconds) {}
}

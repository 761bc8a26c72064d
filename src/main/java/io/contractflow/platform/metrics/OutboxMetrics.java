package io.contractflow.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The transactional outboxes' backlog for Prometheus, read from the database (cluster-wide; aggregate with max):
 * <ul>
 *   <li>{@code contractflow_outbox_pending{outbox}}: work waiting to be done: {@code mail} (mails not yet sent),
 *       {@code notification} (events not yet turned into mails), {@code search} (contract changes not yet in
 *       OpenSearch);</li>
 *   <li>{@code contractflow_outbox_failed{outbox}}: given up after the last retry ({@code mail},
 *       {@code notification}; search retries for ever);</li>
 *   <li>{@code contractflow_outbox_oldest_age_seconds{outbox}}: how long the oldest waiting entry has waited (0
 *       when none): a growing age means the worker is stuck or its dependency down.</li>
 * </ul>
 * The e-signature vendors need no outbox of their own (their calls run in Camunda jobs: see
 * {@code contractflow_jobs}); their webhook events are applied in the request that receives them.
 */
@Component
class OutboxMetrics implements MeterBinder {

  static final List<String> OUTBOXES = List.of("mail", "notification", "search");

  record Backlog(long pending, long failed, double oldestAgeSeconds) {}

  private final DatabaseSnapshot<Map<String, Backlog>> snapshot;

  OutboxMetrics(JdbcTemplate jdbc, MetricsProperties properties, Clock clock) {
    this.snapshot = new DatabaseSnapshot<>(() -> read(jdbc), Map.of(), properties, clock);
  }

  private static Map<String, Backlog> read(JdbcTemplate jdbc) {
    Map<String, Backlog> backlog = new HashMap<>();
    // the waiting entries through the outboxes' partial indexes (their workers' own queries); sent mail stays in
    // mail_outbox (the inbox lists it), so it is never scanned as a whole except to count the failed
    backlog.put("mail", waiting(jdbc, "contractflow.mail_outbox", "created_at", "sent_at is null and failed_at is null",
        "failed_at is not null"));
    backlog.put("notification", waiting(jdbc, "contractflow.notification_event", "created_at",
        "done_at is null and failed_at is null", "failed_at is not null"));
    backlog.put("search", waiting(jdbc, "contractflow.search_outbox", "enqueued_at", "true", null));
    return backlog;
  }

  private static Backlog waiting(JdbcTemplate jdbc, String table, String since, String waiting, String failed) {
    Backlog pending = jdbc.queryForObject("select count(*), coalesce(extract(epoch from current_timestamp - min("
        + since + ")), 0) from " + table + " where " + waiting,
        (row, n) -> new Backlog(row.getLong(1), 0, row.getDouble(2)));
    Long gaveUp = failed == null ? Long.valueOf(0)
        : jdbc.queryForObject("select count(*) from " + table + " where " + failed, Long.class);
    return new Backlog(pending.pending(), gaveUp == null ? 0 : gaveUp, pending.oldestAgeSeconds());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String outbox : OUTBOXES) {
      Gauge.builder("contractflow.outbox.pending", snapshot, s -> backlog(s, outbox).pending())
          .description("Outbox entries waiting to be processed (cluster-wide)").tag("outbox", outbox).register(registry);
      if (!"search".equals(outbox)) { // the search outbox retries for ever
        Gauge.builder("contractflow.outbox.failed", snapshot, s -> backlog(s, outbox).failed())
            .description("Outbox entries given up after their last retry (cluster-wide)").tag("outbox", outbox)
            .register(registry);
      }
      Gauge.builder("contractflow.outbox.oldest.age", snapshot, s -> backlog(s, outbox).oldestAgeSeconds())
          .description("Age of the oldest waiting outbox entry (cluster-wide)").tag("outbox", outbox)
          .baseUnit("seconds").register(registry);
    }
  }

  private static Backlog backlog(DatabaseSnapshot<Map<String, Backlog>> snapshot, String outbox) {
    return snapshot.get().getOrDefault(outbox, new Backlog(0, 0, 0));
  }
}

package io.contractflow.signature;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code contractflow_signing_duration_seconds{provider}}: from a signing request's sending to its
 * last signature, recorded on the node that committed the completion (a histogram per node: sum the
 * buckets across pods, then {@code histogram_quantile} gives p50/p95).
 */
@Component
class SigningMetrics {

  private final JdbcTemplate jdbc;
  private final MeterRegistry registry;
  private final Clock clock;

  SigningMetrics(
      JdbcTemplate jdbc, MeterRegistry registry, SignatureProviders providers, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.clock = clock;
    // a series per provider from the start, so dashboards show 0 rather than nothing
    providers.available().forEach(this::timer);
  }

  private Timer timer(String provider) {
    return Timer.builder("contractflow.signing.duration")
        .description("From sending a contract for signature to its last signature (per node)")
        .tag("provider", provider)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMinutes(1))
        .maximumExpectedValue(Duration.ofDays(60))
        .register(registry);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(SigningCompleted completed) {
    List<Object[]> rows =
        jdbc.query(
            "select provider, created_at, completed_at from contractflow.signing_request where id = ?",
            (row, n) ->
                new Object[] {
                  row.getString(1),
                  row.getTimestamp(2).toInstant(),
                  row.getTimestamp(3) == null ? clock.instant() : row.getTimestamp(3).toInstant()
                },
            completed.requestId());
    if (rows.isEmpty()) {
      return;
    }
    Object[] row = rows.get(0);
    Duration took = Duration.between((Instant) row[1], (Instant) row[2]);
    timer(row[0] == null ? "unknown" : (String) row[0])
        .record(took.isNegative() ? Duration.ZERO : took);
  }
}

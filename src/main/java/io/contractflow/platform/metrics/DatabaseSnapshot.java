package io.contractflow.platform.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values read from the database for gauges: read at most once per refresh interval, however many
 * gauges and nodes ask, so a scrape costs a few grouped counts. Every node reads the same database,
 * so these gauges are cluster-wide values (aggregate them across pods with max, not sum). A failed
 * read keeps the last values.
 *
 * @param <T> the values read
 */
public final class DatabaseSnapshot<T> {

  private static final Logger log = LoggerFactory.getLogger(DatabaseSnapshot.class);

  private final Supplier<T> read;
  private final MetricsProperties properties;
  private final Clock clock;
  private T values;
  private Instant readAt;

  public DatabaseSnapshot(Supplier<T> read, T initial, MetricsProperties properties, Clock clock) {
    this.read = read;
    this.values = initial;
    this.properties = properties;
    this.clock = clock;
  }

  public synchronized T get() {
    Instant now = clock.instant();
    if (readAt == null || !now.isBefore(readAt.plus(properties.refreshInterval()))) {
      readAt = now;
      try {
        values = read.get();
      } catch (RuntimeException e) {
        log.warn(
            "Metrics: reading values from the database failed, keeping the last ones: {}",
            e.toString());
      }
    }
    return values;
  }
}

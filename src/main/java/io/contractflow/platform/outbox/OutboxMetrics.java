package io.contractflow.platform.outbox;

import io.contractflow.platform.metrics.DatabaseSnapshot;
import io.contractflow.platform.metrics.MetricsProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog for Prometheus, per topic (label {@code outbox}: {@code mail}, {@code
 * notification}, {@code search}), read from the database (cluster-wide; aggregate with max):
 *
 * <ul>
 *   <li>{@code contractflow_outbox_pending{outbox}}: entries waiting to be worked (due now or after
 *       a failure);
 *   <li>{@code contractflow_outbox_failed{outbox}}: entries given up after their last attempt (only
 *       for topics whose retry policy gives up: search retries for ever);
 *   <li>{@code contractflow_outbox_oldest_age_seconds{outbox}}: how long the oldest waiting entry
 *       has waited (0 when none): a growing age means the worker is stuck or the topic's dependency
 *       down.
 * </ul>
 *
 * The e-signature vendors need no outbox (their calls run in Camunda jobs: see {@code
 * contractflow_jobs}); their webhook events are applied in the request that receives them.
 */
@Component
class OutboxMetrics implements MeterBinder {

  private final DatabaseSnapshot<Map<String, OutboxStore.OutboxBacklog>> snapshot;
  private final List<OutboxHandler> handlers;

  OutboxMetrics(
      OutboxStore store, List<OutboxHandler> handlers, MetricsProperties properties, Clock clock) {
    this.snapshot = new DatabaseSnapshot<>(store::backlog, Map.of(), properties, clock);
    this.handlers = handlers;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (OutboxHandler handler : handlers) {
      String topic = handler.topic();
      Gauge.builder("contractflow.outbox.pending", snapshot, s -> backlog(s, topic).pending())
          .description("Outbox entries waiting to be processed (cluster-wide)")
          .tag("outbox", topic)
          .register(registry);
      if (handler.retryPolicy().givesUp()) {
        Gauge.builder("contractflow.outbox.failed", snapshot, s -> backlog(s, topic).failed())
            .description("Outbox entries given up after their last retry (cluster-wide)")
            .tag("outbox", topic)
            .register(registry);
      }
      Gauge.builder(
              "contractflow.outbox.oldest.age", snapshot, s -> backlog(s, topic).oldestAgeSeconds())
          .description("Age of the oldest waiting outbox entry (cluster-wide)")
          .tag("outbox", topic)
          .baseUnit("seconds")
          .register(registry);
    }
  }

  private static OutboxStore.OutboxBacklog backlog(
      DatabaseSnapshot<Map<String, OutboxStore.OutboxBacklog>> snapshot, String topic) {
    return snapshot.get().getOrDefault(topic, new OutboxStore.OutboxBacklog(topic, 0, 0, 0));
  }
}

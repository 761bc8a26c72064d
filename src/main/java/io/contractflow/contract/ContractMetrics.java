package io.contractflow.contract;

import io.contractflow.platform.metrics.DatabaseSnapshot;
import io.contractflow.platform.metrics.MetricsProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Contract metrics for Prometheus.
 *
 * <ul>
 *   <li>{@code contractflow_contracts{status}}: contracts per status, one grouped count of the
 *       database per refresh interval (cluster-wide: every node reports the same value);
 *   <li>{@code contractflow_approvals_total{outcome}}: review outcomes (approved, rejected,
 *       changes_requested), counted on the node that committed them (per node: sum across pods).
 * </ul>
 */
@Component
class ContractMetrics implements MeterBinder {

  private final DatabaseSnapshot<Map<ContractStatus, Long>> counts;
  private final Map<String, Counter> approvals = new java.util.concurrent.ConcurrentHashMap<>();
  private MeterRegistry registry;

  ContractMetrics(JdbcTemplate jdbc, MetricsProperties properties, Clock clock) {
    this.counts =
        new DatabaseSnapshot<>(
            () -> {
              Map<ContractStatus, Long> byStatus = new EnumMap<>(ContractStatus.class);
              jdbc.query(
                  "select status, count(*) from contractflow.contract group by status",
                  row -> {
                    byStatus.put(ContractStatus.valueOf(row.getString(1)), row.getLong(2));
                  });
              return byStatus;
            },
            Map.of(),
            properties,
            clock);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    for (ContractStatus status : ContractStatus.values()) {
      Gauge.builder("contractflow.contracts", counts, c -> c.get().getOrDefault(status, 0L))
          .description("Contracts in each status (cluster-wide, from the database)")
          .tag("status", status.name())
          .register(registry);
    }
    for (String outcome : new String[] {"approved", "rejected", "changes_requested"}) {
      approval(outcome);
    }
  }

  /** A review's outcome, once its transaction committed. */
  @TransactionalEventListener(fallbackExecution = true)
  void on(ContractStatusChanged change) {
    if (change.from() != ContractStatus.IN_REVIEW || registry == null) {
      return;
    }
    switch (change.to()) {
      case APPROVED -> approval("approved").increment();
      case REJECTED -> approval("rejected").increment();
      case DRAFT -> approval("changes_requested").increment();
      default -> {}
    }
  }

  private Counter approval(String outcome) {
    return approvals.computeIfAbsent(
        outcome,
        o ->
            Counter.builder("contractflow.approvals")
                .description("Review outcomes of contracts (per node)")
                .tag("outcome", o)
                .register(registry));
  }
}

package io.contractflow.workflow;

import io.contractflow.platform.metrics.DatabaseSnapshot;
import io.contractflow.platform.metrics.MetricsProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's state for Prometheus, read from Camunda's tables (cluster-wide: every node reports
 * the same values; aggregate with max):
 *
 * <ul>
 *   <li>{@code contractflow_tasks_overdue}: open user tasks past their due date;
 *   <li>{@code contractflow_incidents_open{process}}: open incidents per process definition key
 *       (every deployed process has a series, 0 without incidents);
 *   <li>{@code contractflow_jobs{state}}: the job executor's work: {@code due} (executable now),
 *       {@code locked} (being executed by some node), {@code failed} (no retries left: an
 *       incident).
 * </ul>
 */
@Component
class WorkflowMetrics implements MeterBinder {

  record Snapshot(
      long overdueTasks,
      Map<String, Long> incidents,
      long jobsDue,
      long jobsLocked,
      long jobsFailed) {}

  private final DatabaseSnapshot<Snapshot> snapshot;
  private final Set<String> processes = ConcurrentHashMap.newKeySet();
  private volatile MeterRegistry registry;

  WorkflowMetrics(JdbcTemplate jdbc, MetricsProperties properties, Clock clock) {
    this.snapshot =
        new DatabaseSnapshot<>(
            () -> read(jdbc), new Snapshot(0, Map.of(), 0, 0, 0), properties, clock);
  }

  private Snapshot read(JdbcTemplate jdbc) {
    // the engine's now (due dates and job locks are the engine clock's), not the database's
    Timestamp now = Timestamp.from(EngineClock.now());
    Long overdue =
        jdbc.queryForObject(
            "select count(*) from act_ru_task where due_date_ is not null and due_date_ < ?",
            Long.class,
            now);
    Map<String, Long> incidents = new TreeMap<>();
    jdbc.query(
        "select distinct key_ from act_re_procdef",
        row -> {
          incidents.put(row.getString(1), 0L);
        });
    jdbc.query(
        "select d.key_, count(*) from act_ru_incident i join act_re_procdef d on d.id_ = i.proc_def_id_ "
            + "group by d.key_",
        row -> {
          incidents.put(row.getString(1), row.getLong(2));
        });
    long[] jobs = new long[3];
    jdbc.query(
        """
        select count(*) filter (where retries_ > 0 and suspension_state_ = 1
                                  and (duedate_ is null or duedate_ <= ?)
                                  and (lock_exp_time_ is null or lock_exp_time_ < ?)),
               count(*) filter (where lock_exp_time_ >= ?),
               count(*) filter (where retries_ = 0)
          from act_ru_job""",
        row -> {
          jobs[0] = row.getLong(1);
          jobs[1] = row.getLong(2);
          jobs[2] = row.getLong(3);
        },
        now,
        now,
        now);
    Snapshot read =
        new Snapshot(overdue == null ? 0 : overdue, incidents, jobs[0], jobs[1], jobs[2]);
    incidents.keySet().forEach(this::incidentGauge);
    return read;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("contractflow.tasks.overdue", snapshot, s -> s.get().overdueTasks())
        .description("Open user tasks past their due date (cluster-wide)")
        .register(registry);
    Gauge.builder("contractflow.jobs", snapshot, s -> s.get().jobsDue())
        .tag("state", "due")
        .description("Camunda jobs by state (cluster-wide)")
        .register(registry);
    Gauge.builder("contractflow.jobs", snapshot, s -> s.get().jobsLocked())
        .tag("state", "locked")
        .description("Camunda jobs by state (cluster-wide)")
        .register(registry);
    Gauge.builder("contractflow.jobs", snapshot, s -> s.get().jobsFailed())
        .tag("state", "failed")
        .description("Camunda jobs by state (cluster-wide)")
        .register(registry);
  }

  /** Once the engine has deployed its processes: a series per process from the first scrape on. */
  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    snapshot.get();
  }

  private void incidentGauge(String process) {
    MeterRegistry target = registry;
    if (target != null && processes.add(process)) {
      Gauge.builder(
              "contractflow.incidents.open",
              snapshot,
              s -> s.get().incidents().getOrDefault(process, 0L))
          .description("Open incidents per process definition (cluster-wide)")
          .tag("process", process)
          .register(target);
    }
  }
}

package io.contractflow.workflow.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The mass expiry on the bare engine: the yardstick for the platform's figure. The same models with
 * no-op delegates, each lifecycle started at its active term with an end date that its no-op "Plan
 * term" sets (see {@link NoOpDelegates}), then the clock moved past it: the same timers fire, the
 * same term and closure processes end, with none of the platform's work around them (contract rows,
 * audit chain, outbox, mail). What it takes the bare engine bounds what the platform can reach on
 * the same machine.
 */
final class BareMassExpiry {

  private static final int START_BATCH = 50;

  /** The figure: how long until every closure ended, and the CPU it took. */
  record Result(
      int contracts,
      double setupSeconds,
      double expirySeconds,
      ProcessCpu cpu,
      Map<String, Object> database) {

    double expiredPerSecond() {
      return contracts / expirySeconds;
    }

    Map<String, Object> asMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("contracts", contracts);
      map.put("setupSeconds", Throughput.round(setupSeconds));
      map.put("expirySeconds", Throughput.round(expirySeconds));
      map.put("expiredPerSecond", Throughput.round(expiredPerSecond()));
      map.put("cpuPerContract", cpu.per(contracts));
      map.put("databasePerContract", database);
      return map;
    }
  }

  private final RuntimeService runtime;
  private final HistoryService history;
  private final ManagementService management;
  private final ProcessEngine engine;
  private final String database;

  BareMassExpiry(ProcessEngine engine, String database) {
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.management = engine.getManagementService();
    this.database = database;
  }

  Result run(int count, int clients) throws Exception {
    Instant endsAt = ClockUtil.getCurrentTime().toInstant().plusSeconds(2 * 86_400);
    long setupStart = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (int from = 0; from < count; from += START_BATCH) {
        int size = Math.min(START_BATCH, count - from);
        batches.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < size; i++) {
                    String id = UUID.randomUUID().toString();
                    runtime
                        .createProcessInstanceByKey("contract-lifecycle")
                        .businessKey(id)
                        .setVariable("contractId", id)
                        .setVariable("owner", "rita")
                        .setVariable("plannedEndsAt", Date.from(endsAt))
                        .startBeforeActivity("Activity_Term")
                        .execute();
                  }
                }));
      }
      for (Future<?> batch : batches) {
        batch.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Date soon = Date.from(endsAt.plusSeconds(60));
    await(
        count,
        () -> management.createJobQuery().timers().duedateLowerThan(soon).count(),
        "end-date timers waiting");
    double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
    System.out.printf(
        "  bare engine set-up done in %.0f s: %,d terms wait for their end date%n",
        setupSeconds, count);

    org.springframework.jdbc.core.JdbcTemplate jdbc =
        new org.springframework.jdbc.core.JdbcTemplate(
            engine.getProcessEngineConfiguration().getDataSource());
    DatabaseActivity activity = DatabaseActivity.snapshot(jdbc);
    ProcessCpu before = ProcessCpu.snapshot(database);
    try {
      ClockUtil.offset(endsAt.toEpochMilli() - System.currentTimeMillis() + 1000);
      ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
              engine.getProcessEngineConfiguration())
          .getJobExecutor()
          .jobWasAdded();
      long passed = System.nanoTime();
      try (Progress progress =
          Progress.printing(
              () ->
                  String.format(
                      "[bare expiry] %,d/%,d closures ended after %.0f s",
                      closuresEnded(), count, (System.nanoTime() - passed) / 1e9))) {
        await(count, this::closuresEnded, "closures ended");
      }
      double expirySeconds = (System.nanoTime() - passed) / 1e9;
      ProcessCpu cpu = ProcessCpu.snapshot(database).since(before);
      Map<String, Object> perContract =
          DatabaseActivity.snapshot(jdbc).since(activity).per(count, 12);
      System.out.printf(
          "  bare engine: %,d expired in %.1f s (%.0f/s); %s%n  database per expired contract: %s%n",
          count,
          expirySeconds,
          count / expirySeconds,
          cpu.describe(count, "expired contract"),
          perContract);
      return new Result(count, setupSeconds, expirySeconds, cpu, perContract);
    } finally {
      ClockUtil.reset();
    }
  }

  private long closuresEnded() {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("contract-closure")
        .finished()
        .count();
  }

  private static void await(long target, java.util.function.LongSupplier probe, String what) {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(15).toNanos();
    while (probe.getAsLong() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Gave up waiting for " + target + " " + what);
      }
      Polling.sleep(100);
    }
  }
}

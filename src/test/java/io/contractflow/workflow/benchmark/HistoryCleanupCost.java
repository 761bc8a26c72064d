package io.contractflow.workflow.benchmark;

import io.contractflow.support.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the engine's history cleanup costs, as the platform configures it (removal-time based,
 * removal time set when an instance ends): {@code n} finished instances of a small model (a user
 * task, five variables: history in ACT_HI_PROCINST, _ACTINST, _TASKINST, _VARINST, _DETAIL,
 * _IDENTITYLINK) with a time to live of one day; the engine clock moves two days on, the cleanup is
 * started as an operator would ({@code cleanUpHistoryAsync(true)}, outside the batch window) and
 * the figure runs until the last of them is gone. Reads over HTTP run at 8 clients before and
 * during it: the latency beside each other shows whether cleanup disturbs interactive work.
 */
final class HistoryCleanupCost {

  record Result(
      int instances,
      long historyRowsBefore,
      double seconds,
      double instancesPerSecond,
      double readP99Before,
      double readP99During,
      double loadDuring) {}

  private static final String KEY = "scale-history-cleanup";
  private static final int START_BATCH = 50;

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  HistoryCleanupCost(PlatformUnderTest platform) {
    this.engine = platform.engine();
    this.jdbc = new JdbcTemplate(platform.dataSource());
    this.transactions = platform.transactions();
  }

  Result run(int n, Api api, ScaleBenchmark.Scenario reads) throws Exception {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Work")
            .camundaCandidateGroups("legal-reviewer")
            .endEvent()
            .done();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(KEY + ".bpmn", model)
        .deploy();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (int from = 0; from < n; from += START_BATCH) {
        int count = Math.min(START_BATCH, n - from);
        batches.add(pool.submit(() -> transactions.executeWithoutResult(tx -> finish(count))));
      }
      for (Future<?> batch : batches) {
        batch.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long rows = historyRows();
    System.out.printf(
        "  %,d finished instances with %,d history rows; reads at 8 clients before cleanup ...%n",
        n, rows);
    double before = ScaleBenchmark.measureOnce(api, reads, 8, 800).p99();

    HistoryService history = engine.getHistoryService();
    ClockUtil.offset(Duration.ofDays(2).toMillis());
    AtomicBoolean done = new AtomicBoolean();
    long start = System.nanoTime();
    double during;
    double load;
    try {
      history.cleanUpHistoryAsync(true);
      ExecutorService watcher = Executors.newSingleThreadExecutor();
      Future<?> waiting =
          watcher.submit(
              () -> {
                while (remaining() > 0) {
                  Polling.sleep(200);
                }
                done.set(true);
              });
      // reads while the cleanup deletes: as many rounds as it takes, the figure of the first
      List<Double> p99s = new ArrayList<>();
      load = ScaleBenchmark.load();
      do {
        p99s.add(ScaleBenchmark.measureOnce(api, reads, 8, 400).p99());
      } while (!done.get() && p99s.size() < 1000);
      waiting.get();
      watcher.shutdownNow();
      during = p99s.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    } finally {
      ClockUtil.reset();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(n, rows, seconds, n / seconds, before, during, load);
  }

  private void finish(int count) {
    for (int i = 0; i < count; i++) {
      var instance =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  KEY,
                  "cleanup-" + ThreadLocalRandom.current().nextLong(),
                  Map.of(
                      "contractId", "c",
                      "reference", "SC-0",
                      "contractTitle", "t",
                      "owner", "rita",
                      "comment", "benchmark"));
      var task =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceId(instance.getId())
              .singleResult();
      engine.getTaskService().complete(task.getId(), Map.of("decision", "APPROVE"));
    }
  }

  private long remaining() {
    return jdbc.queryForObject(
        "select count(*) from public.act_hi_procinst where proc_def_key_ = ?", Long.class, KEY);
  }

  private long historyRows() {
    return jdbc.queryForObject(
        "select (select count(*) from public.act_hi_procinst) + (select count(*) from"
            + " public.act_hi_actinst) + (select count(*) from public.act_hi_taskinst) + (select"
            + " count(*) from public.act_hi_varinst) + (select count(*) from public.act_hi_detail) +"
            + " (select count(*) from public.act_hi_identitylink)",
        Long.class);
  }
}

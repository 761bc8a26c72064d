package io.contractflow.workflow.benchmark;

import io.contractflow.workflow.LifecycleProperties;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many contracts whose end date passes at the same moment, on the full platform. Set-up (not
 * timed): the contracts are inserted with SQL in batches as SIGNING, without renewal, ending
 * tomorrow; for each, the lifecycle is started positioned at its active term (the {@code Active
 * term} call activity), so the platform's own steps activate it and plan its term, until every term
 * waits at its end-date timer. Then the engine's clock jumps to just after the end date and the job
 * executor is woken (it would otherwise sleep up to its idle wait): from that moment until every
 * contract is EXPIRED in the database is the figure. The path is the real one: timer, the term
 * ends, the lifecycle calls the closure model, "Mark contract expired" moves the contract and
 * writes its audit entry. Beside it an {@link ApiLatencyProbe} reads one contract and the list as
 * their owner at a steady low rate, before the end date passes (the idle yardstick) and throughout
 * the expiry, and {@link DatabaseActivity} counts what the database did per expired contract.
 */
final class MassExpiry {

  /** The figure and the evidence that each contract took the real path. */
  record Result(
      int contracts,
      double setupSeconds,
      double expirySeconds,
      long timersFired,
      long expirySteps,
      long closuresEnded,
      long expiredInAuditTrail,
      long incidents,
      Map<String, Object> databasePerContract,
      Map<String, Object> cpuPerContract,
      ApiLatencyProbe.Latencies[] apiIdle,
      ApiLatencyProbe.Latencies[] apiDuringExpiry,
      String loadAverage) {

    double expiredPerSecond() {
      return contracts / expirySeconds;
    }

    Map<String, Object> asMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("contracts", contracts);
      map.put("setupSeconds", Throughput.round(setupSeconds));
      map.put("expirySeconds", Throughput.round(expirySeconds));
      map.put("expiredPerSecond", Throughput.round(expiredPerSecond()));
      map.put("endDateTimersFired", timersFired);
      map.put("markContractExpiredSteps", expirySteps);
      map.put("closureProcessesEnded", closuresEnded);
      map.put("expiredEntriesInAuditTrail", expiredInAuditTrail);
      map.put("incidents", incidents);
      map.put("databasePerContract", databasePerContract);
      map.put("cpuPerContract", cpuPerContract);
      map.put("apiBeforeExpiry", ApiLatencyProbe.asMap(apiIdle));
      map.put("apiDuringExpiry", ApiLatencyProbe.asMap(apiDuringExpiry));
      map.put("loadAverage", loadAverage);
      return map;
    }
  }

  private static final String REFERENCE_PREFIX = "EXP-";
  private static final int INSERT_BATCH = 1000;
  private static final int START_BATCH = 50;
  private static final String OWNER = "rita";
  private static final Duration IDLE_PROBE = Duration.ofSeconds(10);

  /**
   * Gives up when nothing moves for this long (a failing step retries after a minute, three times).
   */
  private static final Duration STALL = Duration.ofMinutes(10);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final PlatformUnderTest platform;
  private final ZoneId zone;
  private final String database;

  MassExpiry(PlatformUnderTest platform, String database) {
    this.platform = platform;
    this.database = database;
    this.jdbc = new JdbcTemplate(platform.dataSource());
    this.transactions = platform.transactions();
    this.runtime = platform.engine().getRuntimeService();
    this.management = platform.engine().getManagementService();
    this.history = platform.engine().getHistoryService();
    this.zone = platform.bean(LifecycleProperties.class).zone();
  }

  Result run(int count, int clients) throws Exception {
    // ends tomorrow, so the term ends 24 to 48 hours from now: nothing runs out while the contracts
    // are set up
    LocalDate endDate =
        LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone).plusDays(1);
    Instant endsAt = endDate.plusDays(1).atStartOfDay(zone).toInstant();

    long setupStart = System.nanoTime();
    List<UUID> ids = insertContracts(count, endDate);
    startLifecyclesAtTheirTerm(ids, clients, endsAt);
    double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
    System.out.printf(
        "  set-up done in %.0f s: %,d active contracts wait for their end date %s%n",
        setupSeconds, count, endDate);

    try {
      ApiLatencyProbe.Latencies[] idle = probeIdle(ids.get(0));
      System.out.printf(
          "  API before the expiry (%d requests/s): %s%n",
          ApiLatencyProbe.PER_SECOND, ApiLatencyProbe.describe(idle));
      DatabaseActivity before = DatabaseActivity.snapshot(jdbc);
      ProcessCpu cpuBefore = ProcessCpu.snapshot(database);
      String loadBefore = loadAverage();
      ApiLatencyProbe.Latencies[] during;
      double expirySeconds;
      try (ApiLatencyProbe probe =
          ApiLatencyProbe.start(platform.api(), OWNER, ids.get(0).toString())) {
        ClockUtil.offset(endsAt.toEpochMilli() - System.currentTimeMillis() + 1000);
        platform.engineConfiguration().getJobExecutor().jobWasAdded();
        long passed = System.nanoTime();
        System.out.printf(
            "  the end date has passed (engine clock now %s); waiting until all are EXPIRED%n",
            ClockUtil.getCurrentTime().toInstant());
        awaitExpired(count, passed);
        expirySeconds = (System.nanoTime() - passed) / 1e9;
        during = probe.stop();
      }
      String load = "before " + loadBefore + ", after " + loadAverage();
      System.out.printf(
          "  API during the expiry (%d requests/s): %s%n",
          ApiLatencyProbe.PER_SECOND, ApiLatencyProbe.describe(during));
      ProcessCpu cpu = ProcessCpu.snapshot(database).since(cpuBefore);
      System.out.println("  " + cpu.describe(count, "expired contract"));
      Map<String, Object> databaseWork =
          DatabaseActivity.snapshot(jdbc).since(before).per(count, 12);
      return new Result(
          count,
          setupSeconds,
          expirySeconds,
          history
              .createHistoricActivityInstanceQuery()
              .activityId("Event_TermEnds")
              .finished()
              .count(),
          history
              .createHistoricActivityInstanceQuery()
              .activityId("Task_ExpireContract")
              .finished()
              .count(),
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey("contract-closure")
              .finished()
              .count(),
          jdbc.queryForObject(
              "select count(*) from contractflow.audit_entry a join contractflow.contract c"
                  + " on c.id = a.contract_id where c.reference like ? and a.kind = 'STATUS_CHANGED'"
                  + " and a.details ->> 'to' = 'EXPIRED'",
              Long.class,
              REFERENCE_PREFIX + "%"),
          runtime.createIncidentQuery().count(),
          databaseWork,
          cpu.per(count),
          idle,
          during,
          load);
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * The contracts, as a signing step would leave them: SIGNING, no renewal, ending on {@code
   * endDate}.
   */
  private List<UUID> insertContracts(int count, LocalDate endDate) {
    Timestamp now = Timestamp.from(Instant.now());
    UUID counterparty = UUID.randomUUID();
    jdbc.update(
        "insert into contractflow.counterparty (id, name, contact_email, created_at, updated_at, version)"
            + " values (?, ?, ?, ?, ?, 0)",
        counterparty,
        "Mass expiry counterparty " + counterparty,
        "legal@example.com",
        now,
        now);
    List<UUID> ids = new ArrayList<>(count);
    List<Object[]> batch = new ArrayList<>(INSERT_BATCH);
    for (int i = 1; i <= count; i++) {
      UUID id = UUID.randomUUID();
      ids.add(id);
      batch.add(
          new Object[] {
            id,
            reference(i),
            "Expiring agreement " + i,
            counterparty,
            java.sql.Date.valueOf(endDate.minusYears(1)),
            java.sql.Date.valueOf(endDate),
            now,
            now
          });
      if (batch.size() == INSERT_BATCH || i == count) {
        jdbc.batchUpdate(
            "insert into contractflow.contract (id, reference, title, type, counterparty_id, value_amount,"
                + " value_currency, start_date, end_date, auto_renew, owner, status, created_at, updated_at, version)"
                + " values (?, ?, ?, 'SERVICES', ?, 1000, 'EUR', ?, ?, false, '"
                + OWNER
                + "', 'SIGNING', ?, ?, 0)",
            batch);
        batch.clear();
      }
    }
    System.out.printf("  %,d contracts inserted%n", count);
    return ids;
  }

  /**
   * Starts each lifecycle at its active term, {@code clients} threads at a time, batches of 50 per
   * transaction.
   */
  private void startLifecyclesAtTheirTerm(List<UUID> ids, int clients, Instant endsAt)
      throws Exception {
    AtomicInteger started = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try (Progress progress =
        Progress.printing(
            () ->
                String.format(
                    "[expiry set-up] %,d/%,d lifecycles started, %,d contracts active, %,d wait for their end date",
                    started.get(), ids.size(), countWithStatus("ACTIVE"), waitingTimers(endsAt)))) {
      List<Future<?>> batches = new ArrayList<>();
      for (int from = 0; from < ids.size(); from += START_BATCH) {
        int first = from;
        List<UUID> slice = ids.subList(from, Math.min(ids.size(), from + START_BATCH));
        batches.add(
            pool.submit(
                () ->
                    transactions.executeWithoutResult(
                        tx -> {
                          for (int i = 0; i < slice.size(); i++) {
                            String id = slice.get(i).toString();
                            runtime
                                .createProcessInstanceByKey("contract-lifecycle")
                                .businessKey(id)
                                .setVariable("contractId", id)
                                .setVariable("reference", reference(first + i + 1))
                                .setVariable("owner", OWNER)
                                .startBeforeActivity("Activity_Term")
                                .execute();
                          }
                          started.addAndGet(slice.size());
                        })));
      }
      for (Future<?> batch : batches) {
        batch.get();
      }
      awaitProgress("terms waiting for their end date", ids.size(), () -> waitingTimers(endsAt));
    } finally {
      pool.shutdownNow();
    }
  }

  private void awaitExpired(int count, long passed) {
    try (Progress progress =
        Progress.printing(
            () -> {
              long expired = countWithStatus("EXPIRED");
              double seconds = (System.nanoTime() - passed) / 1e9;
              return String.format(
                  "[expiry] %,d/%,d expired after %.0f s (%.0f/s); %,d end-date timers and %,d expiry steps"
                      + " still queued, %d incidents",
                  expired,
                  count,
                  seconds,
                  expired / seconds,
                  management.createJobQuery().activityId("Event_TermEnds").count(),
                  management.createJobQuery().activityId("Task_ExpireContract").count(),
                  runtime.createIncidentQuery().count());
            })) {
      awaitProgress("contracts to expire", count, () -> countWithStatus("EXPIRED"));
    }
  }

  /**
   * Polls until {@code probe} reaches {@code target}; fails when it stops moving for {@link
   * #STALL}.
   */
  private void awaitProgress(String what, long target, LongSupplier probe) {
    long last = -1;
    long lastChange = System.nanoTime();
    while (true) {
      long now = probe.getAsLong();
      if (now >= target) {
        return;
      }
      if (now != last) {
        last = now;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
        throw new IllegalStateException(
            "Stuck at "
                + now
                + "/"
                + target
                + " "
                + what
                + " for "
                + STALL.toMinutes()
                + " minutes; incidents: "
                + runtime.createIncidentQuery().count());
      }
      Polling.sleep(100);
    }
  }

  /**
   * The API's latency with nothing else running, as the yardstick for the figure during the expiry.
   */
  private ApiLatencyProbe.Latencies[] probeIdle(UUID contractId) throws InterruptedException {
    try (ApiLatencyProbe probe =
        ApiLatencyProbe.start(platform.api(), OWNER, contractId.toString())) {
      Polling.sleep(IDLE_PROBE.toMillis());
      return probe.stop();
    }
  }

  /** The machine's load average over 1, 5 and 15 minutes (Linux), for the report. */
  static String loadAverage() {
    try {
      String[] parts =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static String reference(int number) {
    return String.format("%s%06d", REFERENCE_PREFIX, number);
  }

  private long countWithStatus(String status) {
    return jdbc.queryForObject(
        "select count(*) from contractflow.contract where reference like ? and status = ?",
        Long.class,
        REFERENCE_PREFIX + "%",
        status);
  }

  private long waitingTimers(Instant endsAt) {
    return management
        .createJobQuery()
        .timers()
        .activityId("Event_TermEnds")
        .duedateLowerThan(Date.from(endsAt.plusSeconds(60)))
        .count();
  }
}

package io.contractflow.workflow.benchmark;

import io.contractflow.support.Api;
import io.contractflow.workflow.history.HistorySummaryJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reports at scale: a fresh database (on the server of {@code SPRING_DATASOURCE_URL}, else an
 * embedded PostgreSQL), the platform started on it, {@code --size} contracts loaded with SQL
 * ({@link ScaleData}) with their history ({@link ReportHistoryData}) and open tasks, then each
 * report over HTTP as an admin (every contract) and as the requester rita (her own and shared
 * ones), one request at a time: p50 and p95 printed beside the target, never asserted.
 */
public final class ReportBenchmark {

  private static final String USAGE =
      """
      Usage: ReportBenchmark [--size 100000] [--requests 40] [--keep] [--help]
        --size      contracts in the database (1000 for a quick CI run)
        --requests  measured requests per report and caller (after 5 to warm up)
        --keep      keep the database and the temp directory
      """;

  static final double P95_TARGET_MS = 500;

  record Scenario(String report, String user, String path) {}

  record Figure(Scenario scenario, int requests, int errors, double p50, double p95, long bytes) {}

  public static void main(String[] args) throws Exception {
    if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
    int size = 100_000;
    int requests = 40;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--size" -> size = Integer.parseInt(args[++i]);
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--keep" -> keep = true;
        case "--help" -> {
          System.out.print(USAGE);
          System.exit(0);
        }
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    List<Figure> figures = new ArrayList<>();
    Path workDir = Files.createTempDirectory("contractflow-report-benchmark-");
    try (BenchmarkDatabases databases = BenchmarkDatabases.start(workDir, keep)) {
      System.out.printf(
          "Report benchmark: %,d contracts, %d requests per report and caller; %d cores, %s%n",
          size, requests, Runtime.getRuntime().availableProcessors(), databases.describe());
      BenchmarkDatabases.Database database = databases.create("reports_" + size);
      try (PlatformUnderTest app = PlatformUnderTest.boot(database, workDir.resolve("app"))) {
        System.out.printf(
            "  platform ready after %.1f s (load %s)%n",
            app.startupSeconds(), ScaleBenchmark.load());
        ScaleData data = new ScaleData(app);
        System.out.printf("  contracts, shares, tags, audit loaded in %.1f s%n", data.load(size));
        System.out.printf("  open tasks started in %.1f s%n", data.startTasks(size, 2));
        ReportHistoryData history = new ReportHistoryData(app.dataSource());
        System.out.printf(
            "  history loaded in %.1f s: %s%n", history.load(size), history.describe());
        Api api = app.api();
        // the admins' cycle times as they were read before the monthly summaries: all from history
        for (String months : List.of("12", "36")) {
          figures.add(
              measureAndPrint(
                  api,
                  new Scenario(
                      "cycle-times?months=" + months + " (history only)",
                      "admin",
                      "/api/reports/cycle-times?months=" + months),
                  requests));
        }
        // as the platform's hourly job does: every closed month summarised once (admins' cycle
        // times read these)
        long summaryStart = System.nanoTime();
        int months = app.bean(HistorySummaryJob.class).summariseClosedMonths();
        System.out.printf(
            "  %d closed months of history summarised in %.1f s%n",
            months, (System.nanoTime() - summaryStart) / 1e9);
        for (Scenario scenario : scenarios()) {
          figures.add(measureAndPrint(api, scenario, requests));
        }
      }
    } finally {
      if (!keep) {
        deleteRecursively(workDir);
      }
    }
    System.out.printf(
        "%n| report | caller | p50 ms | p95 ms | target p95 | answer |%n|---|---|---|---|---|---|%n");
    for (Figure f : figures) {
      System.out.printf(
          "| %s | %s | %.1f | %.1f | < %.0f ms %s | %,d bytes |%n",
          f.scenario().report(),
          f.scenario().user(),
          f.p50(),
          f.p95(),
          P95_TARGET_MS,
          f.p95() < P95_TARGET_MS ? "✓" : "✗",
          f.bytes());
    }
    System.exit(figures.stream().anyMatch(f -> f.errors() > 0) ? 1 : 0);
  }

  private static Figure measureAndPrint(Api api, Scenario scenario, int requests) {
    measure(api, scenario, 5);
    Figure figure = measure(api, scenario, requests);
    System.out.printf(
        "  %-18s %-6s p50 %7.1f ms  p95 %7.1f ms  %s%s(load %.1f)%n",
        scenario.report(),
        scenario.user(),
        figure.p50(),
        figure.p95(),
        figure.p95() < P95_TARGET_MS ? "" : "OVER TARGET ",
        figure.errors() == 0 ? "" : figure.errors() + " ERRORS ",
        ScaleBenchmark.load());
    return figure;
  }

  private static List<Scenario> scenarios() {
    List<Scenario> scenarios = new ArrayList<>();
    List<String> reports =
        List.of(
            "portfolio",
            "renewals?days=90",
            "cycle-times?months=12",
            "approval-outcomes?months=12",
            "overdue-reviews?months=12",
            "signing-times?months=12",
            "portfolio?format=csv",
            "portfolio?format=xlsx",
            "cycle-times?months=36");
    for (String report : reports) {
      for (String user : List.of("admin", "rita")) {
        scenarios.add(new Scenario(report, user, "/api/reports/" + report));
      }
    }
    return scenarios;
  }

  private static Figure measure(Api api, Scenario scenario, int requests) {
    long[] latencies = new long[requests];
    int errors = 0;
    long bytes = 0;
    for (int i = 0; i < requests; i++) {
      long t = System.nanoTime();
      Api.BinaryResponse response = api.as(scenario.user()).download(scenario.path());
      latencies[i] = System.nanoTime() - t;
      bytes = response.body().length;
      if (response.status() != 200) {
        if (errors++ == 0) {
          System.out.println(
              "  first error of "
                  + scenario
                  + ": "
                  + response.status()
                  + " "
                  + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
    Arrays.sort(latencies);
    return new Figure(
        scenario, requests, errors, percentile(latencies, 50), percentile(latencies, 95), bytes);
  }

  private static double percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

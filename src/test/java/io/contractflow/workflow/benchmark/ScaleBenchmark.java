package io.contractflow.workflow.benchmark;

import io.contractflow.support.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cost as work grows: reading a contract, listing contracts (filters, sorts, the requester's access
 * filter) and the task list over HTTP at 1 and 64 clients, on databases of 10,000, 100,000 and
 * 1,000,000 contracts loaded with SQL ({@link ScaleData}), with the query plans behind the lists.
 * Each size gets its own database on the server of {@code SPRING_DATASOURCE_URL} (else an embedded
 * PostgreSQL) and a fresh platform; the figures are printed beside the targets, never asserted.
 */
public final class ScaleBenchmark {

  private static final String USAGE =
      """
      Usage: ScaleBenchmark [--sizes 10000,100000,1000000] [--clients 1,64] [--requests 1000]
                            [--cleanup 2000] [--plans DIR] [--keep] [--help]
        --sizes     contracts per database, one platform run each (1000 for a quick CI run)
        --clients   concurrency levels, each scenario at each
        --requests  requests per scenario at the highest concurrency (a fifth, at least 100, at 1 client)
        --cleanup   finished instances whose history the cleanup removes (at the first size; 0: none)
        --plans     where EXPLAIN (ANALYZE, BUFFERS) of the key queries is written (target/benchmarks)
        --keep      keep the databases and the temp directory
      """;

  static final double READ_P99_TARGET_MS = 50;
  static final double LIST_P99_TARGET_MS = 150;

  record Options(
      List<Integer> sizes,
      List<Integer> clients,
      int requests,
      int cleanup,
      Path plans,
      boolean keep) {

    static Options parse(String[] args) {
      List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
      List<Integer> clients = List.of(1, 64);
      int requests = 1000;
      int cleanup = 2_000;
      Path plans = Path.of("target/benchmarks");
      boolean keep = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--sizes" -> sizes = ints(args[++i]);
          case "--clients" -> clients = ints(args[++i]);
          case "--requests" -> requests = Integer.parseInt(args[++i]);
          case "--cleanup" -> cleanup = Integer.parseInt(args[++i]);
          case "--plans" -> plans = Path.of(args[++i]);
          case "--keep" -> keep = true;
          case "--help" -> {
            System.out.print(USAGE);
            System.exit(0);
          }
          default -> throw new IllegalArgumentException("Unknown option " + args[i]);
        }
      }
      return new Options(sizes, clients, requests, cleanup, plans, keep);
    }

    private static List<Integer> ints(String csv) {
      return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
  }

  /** One kind of request: who sends it and which path (the argument draws the n-th request). */
  record Scenario(String name, String kind, String user, IntFunction<String> path) {}

  /** What one scenario achieved at one concurrency. */
  record Figure(
      int size,
      Scenario scenario,
      int clients,
      int requests,
      int errors,
      double perSecond,
      double p50,
      double p99,
      double load) {}

  public static void main(String[] args) throws Exception {
    if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
    Options options = Options.parse(args);
    List<Figure> figures = new ArrayList<>();
    Path workDir = Files.createTempDirectory("contractflow-scale-benchmark-");
    try (BenchmarkDatabases databases = BenchmarkDatabases.start(workDir, options.keep())) {
      System.out.printf(
          "Scale benchmark: sizes %s, clients %s, %d requests per scenario; %d cores, %s%n",
          options.sizes(),
          options.clients(),
          options.requests(),
          Runtime.getRuntime().availableProcessors(),
          databases.describe());
      for (int size : options.sizes()) {
        figures.addAll(runSize(databases, workDir, size, options));
      }
    } finally {
      if (!options.keep()) {
        deleteRecursively(workDir);
      }
    }
    printTable(figures);
    System.exit(figures.stream().anyMatch(f -> f.errors() > 0) ? 1 : 0);
  }

  private static List<Figure> runSize(
      BenchmarkDatabases databases, Path workDir, int size, Options options) throws Exception {
    BenchmarkDatabases.Database database = databases.create("scale_" + size);
    Path dir = workDir.resolve("n" + size);
    System.out.printf("%n== %,d contracts: database %s%n", size, database.name());
    try (PlatformUnderTest app = PlatformUnderTest.boot(database, dir)) {
      System.out.printf("  platform ready after %.1f s (load %s)%n", app.startupSeconds(), load());
      ScaleData data = new ScaleData(app);
      System.out.printf("  contracts, shares, tags, audit loaded in %.1f s%n", data.load(size));
      List<Scenario> scenarios = scenarios(size, app.dataSource());
      Api api = app.api();
      if (options.cleanup() > 0 && size == options.sizes().get(0)) {
        // before the open tasks: the engine clock moves two days on, and no timer may wait then
        HistoryCleanupCost.Result cleanup =
            new HistoryCleanupCost(app).run(options.cleanup(), api, scenarios.get(0));
        System.out.printf(
            "  history cleanup: %,d finished instances (%,d history rows) removed in %.1f s ="
                + " %.0f instances/s; admin reads at 8 clients p99 %.1f ms before, %.1f ms during"
                + " (load %.1f)%n",
            cleanup.instances(),
            cleanup.historyRowsBefore(),
            cleanup.seconds(),
            cleanup.instancesPerSecond(),
            cleanup.readP99Before(),
            cleanup.readP99During(),
            cleanup.loadDuring());
      }
      System.out.printf("  open tasks started in %.1f s%n", data.startTasks(size, 2));
      List<Figure> figures = new ArrayList<>();
      for (Scenario scenario : scenarios) {
        measureOnce(api, scenario, 1, 50); // warm-up
        for (int clients : options.clients()) {
          int requests = clients == 1 ? Math.max(100, options.requests() / 5) : options.requests();
          Figure figure = measureOnce(api, scenario, clients, requests);
          figure =
              new Figure(
                  size,
                  scenario,
                  clients,
                  figure.requests(),
                  figure.errors(),
                  figure.perSecond(),
                  figure.p50(),
                  figure.p99(),
                  figure.load());
          figures.add(figure);
          System.out.printf(
              "  %-34s %3d clients: %7.0f req/s  p50 %7.1f ms  p99 %7.1f ms  %s(load %.1f)%n",
              scenario.name(),
              clients,
              figure.perSecond(),
              figure.p50(),
              figure.p99(),
              figure.errors() == 0 ? "" : figure.errors() + " ERRORS ",
              figure.load());
        }
      }
      writePlans(app.dataSource(), size, options.plans());
      return figures;
    }
  }

  private static List<Scenario> scenarios(int size, DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> ritaReads =
        jdbc.queryForList(
            "select id::text from contractflow.contract where owner = 'rita'"
                + " union select contract_id::text from contractflow.contract_share"
                + " where (principal_type = 'USER' and principal_id = 'rita')"
                + " or (principal_type = 'GROUP' and principal_id = 'requester')",
            String.class);
    return List.of(
        new Scenario(
            "read, admin (any contract)",
            "read",
            "admin",
            i -> "/api/contracts/" + contractId(1 + ThreadLocalRandom.current().nextInt(size))),
        new Scenario(
            "read, rita (owned or shared)",
            "read",
            "rita",
            i ->
                "/api/contracts/"
                    + ritaReads.get(ThreadLocalRandom.current().nextInt(ritaReads.size()))),
        new Scenario("list, admin, newest first", "list", "admin", i -> "/api/contracts"),
        new Scenario(
            "list, admin, ACTIVE+SERVICES by end",
            "list",
            "admin",
            i -> "/api/contracts?status=ACTIVE&type=SERVICES&sort=endDate,asc"),
        new Scenario(
            "list, admin, page 50 by value",
            "list",
            "admin",
            i -> "/api/contracts?page=50&sort=value,desc"),
        new Scenario("list, rita (access filter)", "list", "rita", i -> "/api/contracts"),
        new Scenario(
            "list, rita, ACTIVE by value",
            "list",
            "rita",
            i -> "/api/contracts?status=ACTIVE&sort=value,desc"),
        new Scenario("tasks, leo (legal-reviewer queue)", "tasks", "leo", i -> "/api/tasks"),
        new Scenario("tasks, rita (her drafts)", "tasks", "rita", i -> "/api/tasks"));
  }

  /** The id {@link ScaleData} gives the {@code i}-th contract: {@code md5('c' || i)::uuid}. */
  static UUID contractId(int i) {
    try {
      String hex =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("MD5")
                      .digest(("c" + i).getBytes(StandardCharsets.UTF_8)));
      return UUID.fromString(
          hex.substring(0, 8)
              + "-"
              + hex.substring(8, 12)
              + "-"
              + hex.substring(12, 16)
              + "-"
              + hex.substring(16, 20)
              + "-"
              + hex.substring(20));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Figure measureOnce(Api api, Scenario scenario, int clients, int requests)
      throws Exception {
    double load = load();
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    String[] firstError = new String[1];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    Api.Response response = api.as(scenario.user()).get(scenario.path().apply(i));
                    latencies[i] = System.nanoTime() - t;
                    if (response.status() != 200) {
                      if (errors.getAndIncrement() == 0) {
                        firstError[0] = response.status() + " " + response.body();
                      }
                    }
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (firstError[0] != null) {
      System.out.println(
          "  first error of "
              + scenario.name()
              + ": "
              + firstError[0].substring(0, Math.min(300, firstError[0].length())));
    }
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new Figure(
        0,
        scenario,
        clients,
        requests,
        errors.get(),
        requests / seconds,
        percentile(sorted, 50),
        percentile(sorted, 99),
        load);
  }

  private static double percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  /** The one-minute load average of the machine, as the figures are taken. */
  static double load() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of the statements behind the key requests (as Hibernate sends them,
   * parameters inlined), written to {@code plans/scale-plans-<size>.txt}; the execution times are
   * printed.
   */
  private static void writePlans(DataSource dataSource, int size, Path dir) throws Exception {
    Map<String, String> queries = new LinkedHashMap<>();
    String shares =
        " from contractflow.contract_share r where r.principal_type = 'USER' and r.principal_id ="
            + " 'rita' or r.principal_type = 'GROUP' and r.principal_id in ('requester')";
    // the correlated form (callers with more than ContractPages.LISTED_SHARES shares), and the
    // listed form: the shared ids looked up first, then owner = ? or id in (...)
    String orExists =
        " (c.owner = 'rita' or exists (select 1" + shares + " and r.contract_id = c.id))";
    List<String> sharedIds = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select distinct r.contract_id" + shares)) {
      while (rs.next()) {
        sharedIds.add("'" + rs.getString(1) + "'");
      }
    }
    String visible =
        sharedIds.isEmpty()
            ? " c.owner = 'rita'"
            : " (c.owner = 'rita' or c.id in (" + String.join(",", sharedIds) + "))";
    queries.put(
        "admin newest first (page)",
        "select c.* from contractflow.contract c order by c.created_at desc, c.id limit 20");
    queries.put("admin newest first (count)", "select count(c.id) from contractflow.contract c");
    queries.put(
        "admin ACTIVE+SERVICES by end date (page)",
        "select c.* from contractflow.contract c where c.status in ('ACTIVE') and c.type in"
            + " ('SERVICES') order by c.end_date, c.id limit 20");
    queries.put(
        "admin ACTIVE+SERVICES by end date (count)",
        "select count(c.id) from contractflow.contract c where c.status in ('ACTIVE') and c.type"
            + " in ('SERVICES')");
    queries.put(
        "rita newest first, or-exists (page)",
        "select c.* from contractflow.contract c where"
            + orExists
            + " order by c.created_at desc, c.id limit 20");
    queries.put(
        "rita newest first, or-exists (count)",
        "select count(c.id) from contractflow.contract c where" + orExists);
    queries.put(
        "admin newest first (count up to 10001)",
        "select count(*) from (select c.id from contractflow.contract c limit 10001) t");
    queries.put(
        "admin page 50 by value",
        "select c.* from contractflow.contract c order by c.value_amount desc, c.created_at desc,"
            + " c.id offset 1000 limit 20");
    queries.put(
        "rita newest first (page)",
        "select c.* from contractflow.contract c where"
            + visible
            + " order by c.created_at desc, c.id limit 20");
    queries.put(
        "rita newest first (count up to 10001)",
        "select count(*) from (select c.id from contractflow.contract c where"
            + visible
            + " limit 10001) t");
    queries.put(
        "leo's offered tasks",
        "select distinct res.* from public.act_ru_task res left join public.act_ru_identitylink i"
            + " on i.task_id_ = res.id_ where res.suspension_state_ = 1 and (res.assignee_ is null"
            + " and i.type_ = 'candidate' and (i.user_id_ = 'leo' or i.group_id_ in"
            + " ('legal-reviewer'))) limit 200");
    Files.createDirectories(dir);
    Path file = dir.resolve("scale-plans-" + size + ".txt");
    StringBuilder out = new StringBuilder();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (var query : queries.entrySet()) {
        out.append("-- ").append(query.getKey()).append('\n').append(query.getValue()).append('\n');
        String time = "";
        try (ResultSet rs =
            statement.executeQuery("explain (analyze, buffers) " + query.getValue())) {
          while (rs.next()) {
            String line = rs.getString(1);
            out.append(line).append('\n');
            if (line.startsWith("Execution Time")) {
              time = line;
            }
          }
        }
        out.append('\n');
        System.out.printf("  plan %-42s %s%n", query.getKey(), time);
      }
    }
    Files.writeString(file, out);
    System.out.println("  plans written to " + file);
  }

  private static void printTable(List<Figure> figures) {
    System.out.println();
    System.out.println(
        "| contracts | request | clients | req/s | p50 ms | p99 ms | target p99 | met | load |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (Figure f : figures) {
      double target = f.scenario().kind().equals("read") ? READ_P99_TARGET_MS : LIST_P99_TARGET_MS;
      boolean targeted = f.clients() == 64;
      System.out.printf(
          "| %,d | %s | %d | %.0f | %.1f | %.1f | %s | %s | %.1f |%n",
          f.size(),
          f.scenario().name(),
          f.clients(),
          f.perSecond(),
          f.p50(),
          f.p99(),
          targeted
              ? "< "
                  + (int) target
                  + " ms"
                  + (f.scenario().kind().equals("tasks") ? " (as list)" : "")
              : "",
          targeted ? (f.p99() < target && f.errors() == 0 ? "yes" : "NO") : "",
          f.load());
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

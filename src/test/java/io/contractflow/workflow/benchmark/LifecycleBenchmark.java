package io.contractflow.workflow.benchmark;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast the platform takes contracts through their whole lifecycle, against what the bare engine
 * does with the same models, and how long a mass expiry takes. One command, three parts, on
 * PostgreSQL:
 *
 * <ol>
 *   <li><b>full platform</b>: the application booted in this JVM; N contracts, C client threads,
 *       over HTTP: create, upload PDF, submit, each approver reviews, every signer signs, until
 *       ACTIVE with its term planned;
 *   <li><b>bare engine</b>: a plain Camunda engine on its own database on the same server, the same
 *       model files, no-op delegates, the same steps through the engine API; and the ratio of the
 *       two throughputs;
 *   <li><b>mass expiry</b>: M active contracts whose end date passes at once; the time until all
 *       are EXPIRED.
 * </ol>
 *
 * A command that prints numbers, never a test: nothing here asserts a speed. Prints a summary and
 * writes it as JSON (default {@code target/benchmarks/lifecycle.json}).
 *
 * <pre>
 * ./mvnw -q test-compile && java -cp "target/classes:target/test-classes:$(./mvnw -q dependency:build-classpath
 *   -Dmdep.outputFile=/dev/stdout)" io.contractflow.workflow.benchmark.LifecycleBenchmark [options]
 * </pre>
 */
public final class LifecycleBenchmark {

  static final String USAGE =
      """
      Usage: LifecycleBenchmark [options]   (run from the repository root)

        --contracts N   lifecycles measured on the full platform and on the bare engine each (default 200)
        --clients C     client threads driving lifecycles concurrently (default 8)
        --warmup W      unmeasured lifecycles before each measurement (default 4 per client)
        --expiring M    contracts in the mass expiry, 0 to skip it (default 10000)
        --json FILE     where to write the summary (default target/benchmarks/lifecycle.json)
        --small         a small run for CI: 10 lifecycles, 2 clients, 1 warm-up each, 300 expiring (the same
                        columns; later options override it)
        --keep          keep the temp directory (embedded database, documents) or the created databases
        --help          show this help

      PostgreSQL: the server of SPRING_DATASOURCE_URL (+ _USERNAME, _PASSWORD) if set, with two fresh databases
      created on it for the run; otherwise an embedded PostgreSQL in a temp directory.
      """;

  private LifecycleBenchmark() {}

  /** The command line. */
  record Options(
      int contracts, int clients, int warmup, int expiring, Path json, boolean keep, boolean help) {

    static Options parse(String[] args) {
      int contracts = 200;
      int clients = 8;
      Integer warmup = null;
      int expiring = 10_000;
      Path json = Path.of("target", "benchmarks", "lifecycle.json");
      boolean keep = false;
      boolean help = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--contracts" -> contracts = positive(args, ++i, 1);
          case "--clients" -> clients = positive(args, ++i, 1);
          case "--warmup" -> warmup = positive(args, ++i, 0);
          case "--expiring" -> expiring = positive(args, ++i, 0);
          case "--json" -> json = Path.of(value(args, ++i));
          case "--keep" -> keep = true;
          case "--small" -> {
            contracts = 10;
            clients = 2;
            warmup = 1;
            expiring = 300;
          }
          case "--help", "-h" -> help = true;
          default ->
              throw new IllegalArgumentException("Unknown option " + args[i] + "\n\n" + USAGE);
        }
      }
      return new Options(
          contracts, clients, warmup == null ? 4 * clients : warmup, expiring, json, keep, help);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }

    private static int positive(String[] args, int i, int min) {
      int value = Integer.parseInt(value(args, i));
      if (value < min) {
        throw new IllegalArgumentException(args[i - 1] + " must be at least " + min);
      }
      return value;
    }
  }

  public static void main(String[] args) throws Exception {
    quietLogging();
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(USAGE);
      return;
    }
    boolean complete = run(options);
    System.exit(complete ? 0 : 1);
  }

  /** Runs the benchmark and prints its summary; true when every part completed without failures. */
  static boolean run(Options options) throws Exception {
    Map<String, Object> report = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    Throughput platform = null;
    Throughput bare = null;
    MassExpiry.Result expiry = null;
    BareMassExpiry.Result bareExpiry = null;
    Path workDir = Files.createTempDirectory("contractflow-lifecycle-benchmark-");
    try (BenchmarkDatabases databases = BenchmarkDatabases.start(workDir, options.keep())) {
      Map<String, Object> machine = new LinkedHashMap<>();
      machine.put("cores", Runtime.getRuntime().availableProcessors());
      machine.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
      machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
      machine.put("database", databases.describe());
      report.put("startedAt", Instant.now().toString());
      report.put("machine", machine);
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("contracts", options.contracts());
      settings.put("clients", options.clients());
      settings.put("warmup", options.warmup());
      settings.put("expiring", options.expiring());
      report.put("settings", settings);
      System.out.printf(
          "Lifecycle benchmark: %d lifecycles each side, %d clients, %d warm-up, %,d expiring;"
              + " %d cores, %s%n",
          options.contracts(),
          options.clients(),
          options.warmup(),
          options.expiring(),
          machine.get("cores"),
          machine.get("database"));

      BenchmarkDatabases.Database platformDatabase = databases.create("platform");
      BenchmarkDatabases.Database bareDatabase = databases.create("bare");
      System.out.println(
          "Starting the platform in-process on database " + platformDatabase.name() + " ...");
      try (PlatformUnderTest app = PlatformUnderTest.boot(platformDatabase, workDir)) {
        System.out.printf(
            "Platform ready on port %d after %.1f s%n", app.port(), app.startupSeconds());
        report.put("platformStartupSeconds", Throughput.round(app.startupSeconds()));

        System.out.println(
            "\n1. Full platform: lifecycles over HTTP (create, upload, submit, review, sign, active)");
        try {
          PlatformLifecycle lifecycle = new PlatformLifecycle(app.api());
          warmUp("platform warm-up", lifecycle, options);
          lifecycle.resetPhases();
          ProcessCpu cpuBefore = ProcessCpu.snapshot(platformDatabase.name());
          platform =
              LifecycleDriver.run(
                  "platform", lifecycle, options.contracts(), options.clients(), options.warmup());
          ProcessCpu cpu = ProcessCpu.snapshot(platformDatabase.name()).since(cpuBefore);
          System.out.println("  " + platform);
          System.out.println("  " + cpu.describe(platform.completed(), "lifecycle"));
          report.put("platformCpu", cpu.per(platform.completed()));
          System.out.print(lifecycle.phases());
        } catch (RuntimeException e) {
          errors.put("platform", e.toString());
          System.out.println("  failed: " + e);
        }

        System.out.println(
            "\n2. Bare engine: the same models with no-op delegates, driven through the engine API");
        try (BareEngine engine =
            BareEngine.start(bareDatabase, app.engineConfiguration(), app.dataSource())) {
          System.out.println(
              "  bare engine on database " + bareDatabase.name() + ": " + engine.settings());
          report.put("engineSettings", engine.settings());
          BareLifecycle lifecycle = new BareLifecycle(engine.engine());
          warmUp("bare warm-up", lifecycle, options);
          ProcessCpu cpuBefore = ProcessCpu.snapshot(bareDatabase.name());
          bare =
              LifecycleDriver.run(
                  "bare engine",
                  lifecycle,
                  options.contracts(),
                  options.clients(),
                  options.warmup());
          ProcessCpu cpu = ProcessCpu.snapshot(bareDatabase.name()).since(cpuBefore);
          System.out.println("  " + bare);
          System.out.println("  " + cpu.describe(bare.completed(), "lifecycle"));
          report.put("bareEngineCpu", cpu.per(bare.completed()));
          if (options.expiring() > 0) {
            System.out.printf(
                "  the mass expiry on the bare engine (%,d end dates at once), the yardstick for"
                    + " part 3:%n",
                options.expiring());
            bareExpiry =
                new BareMassExpiry(engine.engine(), bareDatabase.name())
                    .run(options.expiring(), options.clients());
          }
        } catch (RuntimeException e) {
          errors.put("bareEngine", e.toString());
          System.out.println("  failed: " + e);
        }

        if (options.expiring() > 0) {
          System.out.printf(
              "%n3. Mass expiry: %,d contracts whose end date passes at the same moment%n",
              options.expiring());
          try {
            expiry =
                new MassExpiry(app, platformDatabase.name())
                    .run(options.expiring(), options.clients());
          } catch (RuntimeException e) {
            errors.put("massExpiry", e.toString());
            System.out.println("  failed: " + e);
          }
        }
      }
    } finally {
      if (options.keep()) {
        System.out.println("Kept " + workDir);
      } else {
        deleteRecursively(workDir);
      }
    }

    if (platform != null) {
      report.put("platform", platform.asMap());
    }
    if (bare != null) {
      report.put("bareEngine", bare.asMap());
    }
    Double ratio =
        platform != null && bare != null && bare.perSecond() > 0
            ? platform.perSecond() / bare.perSecond()
            : null;
    report.put("ratioPlatformToBare", ratio == null ? null : Throughput.round(ratio));
    if (expiry != null) {
      report.put("massExpiry", expiry.asMap());
    }
    if (bareExpiry != null) {
      report.put("bareEngineMassExpiry", bareExpiry.asMap());
    }
    if (!errors.isEmpty()) {
      report.put("errors", errors);
    }
    printSummary(options, platform, bare, ratio, expiry, bareExpiry);
    printTargets(ratio, expiry);
    Files.createDirectories(options.json().toAbsolutePath().getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(options.json().toFile(), report);
    System.out.println("Written to " + options.json());
    return errors.isEmpty()
        && platform != null
        && platform.failed() == 0
        && bare != null
        && bare.failed() == 0;
  }

  /**
   * Warnings and errors only, also before Spring Boot configures logging (the embedded database's
   * start-up).
   */
  private static void quietLogging() {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.WARN);
    }
  }

  private static void warmUp(String label, LifecycleDriver.Lifecycle lifecycle, Options options) {
    if (options.warmup() > 0) {
      Throughput warmup =
          LifecycleDriver.run(label, lifecycle, options.warmup(), options.clients(), 0);
      System.out.printf(
          "  warm-up: %d lifecycles in %.1f s%s%n",
          warmup.completed(),
          warmup.seconds(),
          warmup.failed() == 0 ? "" : ", " + warmup.failed() + " failed: " + warmup.firstFailure());
    }
  }

  private static void printSummary(
      Options options,
      Throughput platform,
      Throughput bare,
      Double ratio,
      MassExpiry.Result expiry,
      BareMassExpiry.Result bareExpiry) {
    System.out.println();
    System.out.printf(
        "Summary (%d lifecycles each, %d clients)%n", options.contracts(), options.clients());
    String row = "  %-44s %s%n";
    System.out.printf(
        row,
        "full platform, lifecycles/s",
        platform == null
            ? "failed"
            : String.format(
                "%.2f  (p50 %.2f s, p95 %.2f s per lifecycle%s)",
                platform.perSecond(),
                platform.p50Seconds(),
                platform.p95Seconds(),
                failures(platform)));
    System.out.printf(
        row,
        "bare engine, lifecycles/s",
        bare == null
            ? "failed"
            : String.format(
                "%.2f  (p50 %.3f s, p95 %.3f s per lifecycle%s)",
                bare.perSecond(), bare.p50Seconds(), bare.p95Seconds(), failures(bare)));
    System.out.printf(
        row,
        "ratio full / bare",
        ratio == null
            ? "n/a"
            : String.format("%.3f  (the bare engine is %.1fx as fast)", ratio, 1 / ratio));
    System.out.printf(
        row,
        "mass expiry",
        expiry == null
            ? (options.expiring() == 0 ? "skipped" : "failed")
            : String.format(
                "%,d contracts EXPIRED in %.1f s  (%.0f/s; target < 60 s for 10,000; set-up %.0f s)",
                expiry.contracts(),
                expiry.expirySeconds(),
                expiry.expiredPerSecond(),
                expiry.setupSeconds()));
    if (bareExpiry != null) {
      System.out.printf(
          row,
          "mass expiry on the bare engine (yardstick)",
          String.format(
              "%,d closures ended in %.1f s  (%.0f/s; %s)",
              bareExpiry.contracts(),
              bareExpiry.expirySeconds(),
              bareExpiry.expiredPerSecond(),
              bareExpiry.cpu().per(bareExpiry.contracts())));
    }
    if (expiry != null) {
      System.out.printf(
          row,
          "  real expiry path",
          String.format(
              "%,d end-date timers fired, %,d 'Mark contract"
                  + " expired' steps, %,d closures ended, %,d EXPIRED audit entries, %d incidents",
              expiry.timersFired(),
              expiry.expirySteps(),
              expiry.closuresEnded(),
              expiry.expiredInAuditTrail(),
              expiry.incidents()));
      System.out.printf(
          row,
          "  API during the expiry",
          ApiLatencyProbe.describe(expiry.apiDuringExpiry()) + "  (target: no starvation)");
      System.out.printf(
          row, "  API before it (idle yardstick)", ApiLatencyProbe.describe(expiry.apiIdle()));
      System.out.printf(row, "  load average (1, 5, 15 min)", expiry.loadAverage());
      System.out.printf(row, "  CPU per expired contract", expiry.cpuPerContract());
      System.out.printf(row, "  database per expired contract", expiry.databasePerContract());
    }
  }

  /**
   * The figures beside the targets of issue 16. Informative: nothing here decides the exit code.
   */
  private static void printTargets(Double ratio, MassExpiry.Result expiry) {
    String row = "  %-44s %-26s %-22s %s%n";
    System.out.println();
    System.out.printf(row, "target", "goal", "measured", "met");
    System.out.printf(
        row,
        "full platform / bare engine",
        ">= 0.5",
        ratio == null ? "-" : String.format("%.3f", ratio),
        ratio == null ? "-" : ratio >= 0.5 ? "yes" : "NO");
    if (expiry != null) {
      boolean fullSize = expiry.contracts() >= 10_000;
      System.out.printf(
          row,
          "10,000 end dates passing at once",
          "all EXPIRED in < 60 s",
          String.format("%,d in %.1f s", expiry.contracts(), expiry.expirySeconds()),
          !fullSize
              ? "- (not at this size)"
              : expiry.expirySeconds() < 60 && expiry.incidents() == 0 ? "yes" : "NO");
    } else {
      System.out.printf(row, "10,000 end dates passing at once", "all EXPIRED in < 60 s", "-", "-");
    }
  }

  private static String failures(Throughput run) {
    return run.failed() == 0 ? "" : "; " + run.failed() + " FAILED";
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

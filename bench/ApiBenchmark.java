/*
 * ContractFlow API benchmark — a single-file Java 17 program that uses only the JDK.
 *
 * What it measures:
 *   1. Startup time: from launching `java -jar <jar>` (in a fresh temp directory, so with a fresh embedded
 *      PostgreSQL database) until GET /actuator/health/readiness answers 200 with "status":"UP".
 *   2. Resident memory (VmRSS, and the peak VmHWM) of the platform's JVM from /proc/<pid>/status, once idle after
 *      startup and once after the load; plus the JVM together with the embedded PostgreSQL processes. Summed RSS
 *      counts PostgreSQL's shared buffers once per process, so the summed PSS (from /proc/<pid>/smaps_rollup) is
 *      printed alongside as the fairer total.
 *   3. Throughput and latency of three API operations as demo user rita (a requester), over HTTP Basic:
 *        create  POST /api/contracts
 *        read    GET  /api/contracts/{id}            (ids of contracts created earlier in the run)
 *        list    GET  /api/contracts?status=DRAFT&type=SERVICES&size=20&sort=createdAt,desc
 *      For every concurrency level and every operation, a warm-up (not measured) and then a fixed number of
 *      requests shared by that many client threads. Latency is per request, from send until the whole body has
 *      arrived, and includes failed requests; any non-2xx answer or exception counts as an error.
 *
 * How to run (from the repository root, after `mvn package`):
 *   java bench/ApiBenchmark.java                                  # defaults, see --help
 *   java bench/ApiBenchmark.java --jar /tmp/contractflow.jar --requests 500 --clients 1,8 --csv /tmp/bench.csv
 *
 * The benchmark stops the platform at the end (also on Ctrl-C) and deletes its temp directory unless --keep is
 * given. The exit code is 0 only when the platform started and no request failed.
 */

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class ApiBenchmark {

  static final String USAGE =
      """
      Usage: java bench/ApiBenchmark.java [options]

        --jar PATH       the platform jar to start (default: target/contractflow.jar)
        --requests N     measured requests per operation and concurrency level (default: 2000)
        --warmup N       unmeasured warm-up requests before each measurement (default: 200)
        --clients LIST   comma-separated concurrency levels (default: 1,16,64)
        --uploads N      measured 1 MB PDF uploads per upload concurrency level, 0 to skip (default: 200)
        --upload-clients LIST  concurrency levels for uploads (default: 1,4)
        --csv FILE       also write the result table as CSV to FILE
        --keep           keep the platform's temp directory (database, logs) instead of deleting it
        --no-restart     skip the restart on the same data at the end (measured by default)
        --jvm-arg ARG    pass ARG to the platform's JVM (repeatable), e.g. --jvm-arg -Xmx512m or
                         --jvm-arg -XX:StartFlightRecording=filename=/tmp/api.jfr,settings=profile;
                         with -XX:NativeMemoryTracking=summary the memory lines show its summary
        --jvm-options FILE  the JVM flags file of the launch paths (default: src/main/jvm/jvm.options,
                         as the image and ./mvnw spring-boot:run use it); "none" for the JVM's defaults
        --env NAME=VALUE set an environment variable of the platform (repeatable); the launch paths'
                         MALLOC_ARENA_MAX=2 is set unless given here
        --help           show this help

      Starts the platform in a fresh temp directory on a free port the way the launch paths do (the JVM flags
      file and environment above, then the --jvm-arg flags), measures startup time and resident memory,
      runs create/read/list contract requests as user rita at each concurrency level, then uploads of a 1 MB
      text PDF (type checks, text extraction, encryption, storage), prints a table of requests/s and latency
      percentiles, then stops the platform. Exits non-zero when startup fails or any
      request errors.
      """;

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.print(USAGE);
      return;
    }
    System.exit(new ApiBenchmark(options).run());
  }

  private final Options options;

  ApiBenchmark(Options options) {
    this.options = options;
  }

  int run() throws Exception {
    System.out.println(options.launchDescription());
    Platform platform =
        Platform.start(options.jar, options.keep, options.platformJvmArgs(), options.env);
    Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "stop-platform"));
    try {
      Optional<Duration> startup = platform.awaitReady(Duration.ofSeconds(180));
      if (startup.isEmpty()) {
        return 1;
      }
      Memory idle = platform.memory("idle");
      List<Result> results = runLoad(platform.baseUri());
      Memory loaded = platform.memory("after-load");
      Optional<Duration> restart = Optional.empty();
      if (options.restart) {
        platform.stop(true);
        progress("Restarting on the same data (an upgrade or a rescheduled pod) ...");
        platform =
            Platform.start(
                options.jar,
                options.keep,
                options.platformJvmArgs(),
                options.env,
                platform.workDir());
        Platform restarted = platform;
        Runtime.getRuntime().addShutdownHook(new Thread(restarted::stop, "stop-restarted"));
        restart = platform.awaitReady(Duration.ofSeconds(180));
      }
      printReport(results, startup.get(), restart, idle, loaded);
      if (options.csv != null) {
        writeCsv(options.csv, results);
      }
      return results.stream().anyMatch(r -> r.errors() + r.warmupErrors() > 0) ? 1 : 0;
    } finally {
      platform.stop();
    }
  }

  // ----------------------------------------------------------------------------------------------
  // the load

  private List<Result> runLoad(URI baseUri) throws Exception {
    int maxClients = options.clients.stream().max(Integer::compare).orElse(1);
    ExecutorService httpExecutor =
        Executors.newFixedThreadPool(maxClients + 4, daemonThreads("http"));
    try {
      Api api = new Api(baseUri, "rita", "rita", httpExecutor);
      String counterpartyId =
          api.createCounterparty("Bench Counterparty " + System.currentTimeMillis());
      List<String> contractIds = Collections.synchronizedList(new ArrayList<>());
      List<Result> results = new ArrayList<>();
      for (int clients : options.clients) {
        for (Operation operation : List.of(Operation.CREATE, Operation.READ, Operation.LIST)) {
          IntFunction<Api.Outcome> request =
              requestFor(operation, api, counterpartyId, contractIds);
          results.add(measure(operation, clients, request));
        }
      }
      if (options.uploads > 0) {
        byte[] pdf = TextPdf.ofSize(1024 * 1024);
        progress("upload: a %d-byte text PDF to the drafts created above%n", pdf.length);
        for (int clients : options.uploadClients) {
          IntFunction<Api.Outcome> upload =
              i ->
                  contractIds.isEmpty()
                      ? new Api.Outcome(0, "no contract was created to upload to")
                      : api.upload(
                          contractIds.get(Math.floorMod(i * 7919, contractIds.size())), pdf);
          results.add(
              measure(
                  Operation.UPLOAD,
                  clients,
                  upload,
                  options.uploads,
                  Math.min(options.warmup, 20)));
        }
        Result fastest =
            results.stream()
                .filter(r -> r.operation() == Operation.UPLOAD)
                .max(Comparator.comparingDouble(Result::throughput))
                .orElseThrow();
        System.out.printf(
            "Upload throughput: %.1f MB/s at %d clients%n",
            fastest.throughput() * pdf.length / 1_000_000.0, fastest.clients());
      }
      return results;
    } finally {
      httpExecutor.shutdownNow();
    }
  }

  private static IntFunction<Api.Outcome> requestFor(
      Operation operation, Api api, String counterpartyId, List<String> contractIds) {
    return switch (operation) {
      case CREATE -> i -> api.createContract(counterpartyId, "Bench contract " + i, contractIds);
      // reads jump through all contracts created so far (7919 is a prime), not just the newest ones
      case READ ->
          i ->
              contractIds.isEmpty()
                  ? new Api.Outcome(0, "no contract was created, so there is nothing to read")
                  : api.getContract(contractIds.get(Math.floorMod(i * 7919, contractIds.size())));
      case LIST -> i -> api.listDraftServiceContracts();
      case UPLOAD ->
          throw new IllegalArgumentException("uploads are measured on their own, with a document");
    };
  }

  private Result measure(Operation operation, int clients, IntFunction<Api.Outcome> request)
      throws InterruptedException {
    return measure(operation, clients, request, options.requests, options.warmup);
  }

  private Result measure(
      Operation operation, int clients, IntFunction<Api.Outcome> request, int requests, int warmups)
      throws InterruptedException {
    String label = operation.label() + " x" + clients;
    progress("%-12s warm-up %d ...", label, warmups);
    Batch warmup = Batch.run(clients, warmups, request);
    progress(" measuring %d ...", requests);
    Batch batch = Batch.run(clients, requests, request);
    Result result = Result.of(operation, clients, batch, warmup.failures().size());
    System.out.printf(
        " %.0f req/s%s%n",
        result.throughput(), result.errors() > 0 ? ", " + result.errors() + " ERRORS" : "");
    reportErrors("warm-up", warmup.failures());
    reportErrors("measured", batch.failures());
    return result;
  }

  /** Prints the distinct failures (ids replaced by {id}) with how often each occurred. */
  private static void reportErrors(String phase, List<String> failures) {
    Map<String, Long> counts =
        failures.stream()
            .map(failure -> UUID_PATTERN.matcher(failure).replaceAll("{id}"))
            .collect(
                Collectors.groupingBy(
                    Function.identity(), LinkedHashMap::new, Collectors.counting()));
    counts.entrySet().stream()
        .limit(5)
        .forEach(
            e -> System.out.printf("  ERROR (%s, %dx): %s%n", phase, e.getValue(), e.getKey()));
    if (counts.size() > 5) {
      System.out.printf("  ... and %d more kinds of error%n", counts.size() - 5);
    }
  }

  private static final Pattern UUID_PATTERN =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  // ----------------------------------------------------------------------------------------------
  // output

  private static final String ROW = "%-9s %7s %8s %6s %9s %9s %8s %8s %8s %8s%n";

  private static void printReport(
      List<Result> results,
      Duration startup,
      Optional<Duration> restart,
      Memory idle,
      Memory loaded) {
    System.out.println();
    System.out.printf(
        ROW,
        "operation",
        "clients",
        "requests",
        "errors",
        "elapsed_s",
        "req/s",
        "p50_ms",
        "p90_ms",
        "p99_ms",
        "max_ms");
    for (Result r : results) {
      System.out.printf(
          ROW,
          r.operation().label(),
          r.clients(),
          r.requests(),
          r.errors(),
          fmt("%.2f", r.elapsedSeconds()),
          fmt("%.1f", r.throughput()),
          ms(r.p50()),
          ms(r.p90()),
          ms(r.p99()),
          ms(r.max()));
    }
    System.out.println();
    System.out.printf(
        "Startup to ready:        %.2f s (first start: new database, schema, keys)%n",
        startup.toMillis() / 1000.0);
    restart.ifPresent(
        r ->
            System.out.printf(
                "Restart to ready:        %.2f s (the same data again)%n", r.toMillis() / 1000.0));
    System.out.println("Memory idle (after ready):");
    idle.print();
    System.out.println("Memory after load:");
    loaded.print();
    printTargets(results, startup, restart, loaded);
    long errors = results.stream().mapToLong(Result::errors).sum();
    long warmupErrors = results.stream().mapToLong(Result::warmupErrors).sum();
    if (errors + warmupErrors == 0) {
      System.out.println("All requests succeeded.");
    } else {
      System.out.printf(
          "RUN HAD ERRORS: %d of the measured and %d of the warm-up requests failed (see above).%n",
          errors, warmupErrors);
    }
  }

  /**
   * The figures beside the targets of issue 16 (a figure the run did not measure shows as "-").
   * Informative: the exit code does not depend on them.
   */
  private static void printTargets(
      List<Result> results, Duration startup, Optional<Duration> restart, Memory loaded) {
    String row = "%-34s %-28s %-30s %s%n";
    System.out.println();
    System.out.printf(row, "target", "goal", "measured", "met");
    for (int clients : List.of(16, 64)) {
      Optional<Result> create = find(results, "create", clients);
      double p99Goal = clients == 16 ? 250 : 500;
      System.out.printf(
          row,
          "create x" + clients,
          fmt(">= 300 req/s, p99 < %.0f ms", p99Goal),
          create
              .map(r -> fmt("%.1f req/s", r.throughput()) + ", p99 " + ms(r.p99()) + " ms")
              .orElse("-"),
          create
              .map(r -> met(r.throughput() >= 300 && r.p99() < p99Goal * 1_000_000L))
              .orElse("-"));
    }
    Optional<Result> read = find(results, "read", 64);
    System.out.printf(
        row,
        "read x64",
        "p99 < 50 ms",
        read.map(r -> "p99 " + ms(r.p99()) + " ms").orElse("-"),
        read.map(r -> met(r.p99() < 50_000_000L)).orElse("-"));
    Optional<Result> list = find(results, "list", 64);
    System.out.printf(
        row,
        "list x64",
        "p99 < 150 ms",
        list.map(r -> "p99 " + ms(r.p99()) + " ms").orElse("-"),
        list.map(r -> met(r.p99() < 150_000_000L)).orElse("-"));
    System.out.printf(
        row,
        "startup to ready (first start)",
        "< 15 s",
        fmt("%.2f s", startup.toMillis() / 1000.0),
        met(startup.toMillis() < 15_000));
    restart.ifPresent(
        r ->
            System.out.printf(
                row,
                "startup to ready (restart)",
                "< 15 s",
                fmt("%.2f s", r.toMillis() / 1000.0),
                met(r.toMillis() < 15_000)));
    System.out.printf(
        row,
        "JVM RSS after the run",
        "< 1024 MiB",
        fmt("%.1f MiB", loaded.jvmRssKb() / 1024.0),
        met(loaded.jvmRssKb() < 1024 * 1024));
  }

  private static Optional<Result> find(List<Result> results, String operation, int clients) {
    return results.stream()
        .filter(r -> r.operation().label().equals(operation) && r.clients() == clients)
        .findFirst();
  }

  private static String met(boolean met) {
    return met ? "yes" : "NO";
  }

  private static void writeCsv(Path file, List<Result> results) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      out.println(
          "operation,clients,requests,errors,elapsed_s,req_per_s,p50_ms,p90_ms,p99_ms,max_ms");
      for (Result r : results) {
        out.println(
            String.join(
                ",",
                r.operation().label(),
                "" + r.clients(),
                "" + r.requests(),
                "" + r.errors(),
                fmt("%.3f", r.elapsedSeconds()),
                fmt("%.1f", r.throughput()),
                ms(r.p50()),
                ms(r.p90()),
                ms(r.p99()),
                ms(r.max())));
      }
    }
    System.out.println("CSV written to " + file.toAbsolutePath());
  }

  private static String ms(long nanos) {
    return fmt("%.2f", nanos / 1_000_000.0);
  }

  private static String fmt(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }

  /** Prints a progress message without a line break, and shows it at once. */
  static void progress(String format, Object... args) {
    System.out.printf(format, args);
    System.out.flush();
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  // ----------------------------------------------------------------------------------------------
  // options

  static final class Options {
    Path jar = Paths.get("target/contractflow.jar");
    int requests = 2000;
    int warmup = 200;
    List<Integer> clients = List.of(1, 16, 64);
    int uploads = 200;
    List<Integer> uploadClients = List.of(1, 4);
    Path csv;
    boolean keep;
    boolean help;
    List<String> jvmArgs = new ArrayList<>();
    Path jvmOptions = Paths.get("src/main/jvm/jvm.options");
    Map<String, String> env = new LinkedHashMap<>(LAUNCH_ENVIRONMENT);
    boolean restart = true;

    /** The environment the launch paths give the JVM (Dockerfile ENV, pom.xml spring-boot:run). */
    static final Map<String, String> LAUNCH_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** What starts the platform's JVM: the launch paths' flags file, then --jvm-arg flags. */
    List<String> platformJvmArgs() {
      List<String> all = new ArrayList<>();
      if (jvmOptions != null) {
        all.add("@" + jvmOptions.toAbsolutePath());
      }
      all.addAll(jvmArgs);
      return all;
    }

    /** One line saying how the platform's JVM is started, for the output. */
    String launchDescription() {
      String flags =
          jvmOptions == null
              ? "the JVM's default flags (--jvm-options none), not those of the launch paths"
              : jvmOptions + " (as the image and ./mvnw spring-boot:run): " + fileFlags(jvmOptions);
      String environment =
          env.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(" "));
      return "Platform JVM: "
          + flags
          + (jvmArgs.isEmpty() ? "" : "; then " + String.join(" ", jvmArgs))
          + "; environment "
          + (environment.isEmpty() ? "(none added)" : environment);
    }

    private static String fileFlags(Path file) {
      try (Stream<String> lines = Files.lines(file)) {
        return lines
            .map(line -> line.replaceAll("#.*", "").trim())
            .filter(line -> !line.isEmpty())
            .collect(Collectors.joining(" "));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--jar" -> o.jar = Paths.get(value(args, ++i));
          case "--requests" -> o.requests = positive(args, ++i);
          case "--warmup" -> o.warmup = nonNegative(args, ++i);
          case "--clients" -> o.clients = clientList(value(args, ++i));
          case "--uploads" -> o.uploads = nonNegative(args, ++i);
          case "--upload-clients" -> o.uploadClients = clientList(value(args, ++i));
          case "--csv" -> o.csv = Paths.get(value(args, ++i));
          case "--keep" -> o.keep = true;
          case "--jvm-arg" -> o.jvmArgs.add(value(args, ++i));
          case "--jvm-options" -> {
            String file = value(args, ++i);
            o.jvmOptions = file.equals("none") ? null : Paths.get(file);
          }
          case "--env" -> {
            String pair = value(args, ++i);
            int eq = pair.indexOf('=');
            if (eq < 1) {
              throw new IllegalArgumentException("--env needs NAME=VALUE, not " + pair);
            }
            o.env.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
          case "--no-restart" -> o.restart = false;
          case "--help", "-h" -> o.help = true;
          default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
        }
      }
      if (!o.help && !Files.isRegularFile(o.jar)) {
        throw new IllegalArgumentException(
            "No jar at " + o.jar.toAbsolutePath() + " (build it, or pass --jar)");
      }
      if (!o.help && o.jvmOptions != null && !Files.isRegularFile(o.jvmOptions)) {
        throw new IllegalArgumentException(
            "No JVM flags file at "
                + o.jvmOptions.toAbsolutePath()
                + " (run from the repository root, or pass --jvm-options FILE or none)");
      }
      return o;
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }

    private static int positive(String[] args, int i) {
      int n = nonNegative(args, i);
      if (n == 0) {
        throw new IllegalArgumentException(args[i - 1] + " must be at least 1");
      }
      return n;
    }

    private static int nonNegative(String[] args, int i) {
      try {
        int n = Integer.parseInt(value(args, i));
        if (n < 0) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            args[i - 1] + " needs a non-negative number, not " + args[i]);
      }
    }

    private static List<Integer> clientList(String list) {
      try {
        List<Integer> levels =
            Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
        if (levels.isEmpty() || levels.stream().anyMatch(n -> n < 1)) {
          throw new NumberFormatException();
        }
        return levels;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--clients needs a list of positive numbers like 1,16,64, not " + list);
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // the platform process

  /** The platform running as a child process in its own temp directory. */
  static final class Platform {
    private final Process process;
    private final long startedNanos;
    private final Path workDir;
    private final Path log;
    private final int port;
    private final boolean keep;
    private final boolean nativeMemoryTracking;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Platform(
        Process process,
        long startedNanos,
        Path workDir,
        Path log,
        int port,
        boolean keep,
        boolean nativeMemoryTracking) {
      this.process = process;
      this.startedNanos = startedNanos;
      this.workDir = workDir;
      this.log = log;
      this.port = port;
      this.keep = keep;
      this.nativeMemoryTracking = nativeMemoryTracking;
    }

    static Platform start(Path jar, boolean keep, List<String> jvmArgs, Map<String, String> env)
        throws IOException {
      return start(
          jar, keep, jvmArgs, env, Files.createTempDirectory("contractflow-bench-").toRealPath());
    }

    /** Starts the platform in this directory (a fresh one, or the data of an earlier start). */
    static Platform start(
        Path jar, boolean keep, List<String> jvmArgs, Map<String, String> env, Path workDir)
        throws IOException {
      Path log = workDir.resolve("platform-" + System.currentTimeMillis() + ".log");
      int port = freePort();
      String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
      long startedNanos = System.nanoTime();
      List<String> command = new ArrayList<>();
      command.add(java);
      command.addAll(jvmArgs);
      command.addAll(
          List.of(
              "-jar",
              jar.toAbsolutePath().toString(),
              "--server.port=" + port,
              // one user sends every request: the per-user API budget would measure itself, not
              // the platform
              "--contractflow.security.rate-limits.api-requests-per-user.capacity=1000000"));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      System.out.printf("Started platform pid %d on port %d in %s%n", process.pid(), port, workDir);
      boolean nmt =
          jvmArgs.stream()
              .anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking=") && !a.endsWith("=off"));
      return new Platform(process, startedNanos, workDir, log, port, keep, nmt);
    }

    Memory memory(String label) {
      return Memory.of(process.toHandle(), workDir, label, nativeMemoryTracking);
    }

    URI baseUri() {
      return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Polls readiness every 100 ms; the time from process start to ready, or empty (after printing
     * the log tail).
     */
    Optional<Duration> awaitReady(Duration limit) throws InterruptedException {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      HttpRequest probe =
          HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
              .timeout(Duration.ofSeconds(2))
              .GET()
              .build();
      long lastDot = System.nanoTime();
      progress("Waiting for readiness ");
      while (System.nanoTime() - startedNanos < limit.toNanos()) {
        if (!process.isAlive()) {
          return failStartup("the platform exited with code " + process.exitValue());
        }
        if (isReady(client, probe)) {
          Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
          System.out.printf(" ready after %.2f s%n", took.toMillis() / 1000.0);
          return Optional.of(took);
        }
        if (System.nanoTime() - lastDot >= 1_000_000_000L) {
          progress(".");
          lastDot = System.nanoTime();
        }
        Thread.sleep(100);
      }
      return failStartup("not ready after " + limit.toSeconds() + " s");
    }

    private static boolean isReady(HttpClient client, HttpRequest probe)
        throws InterruptedException {
      try {
        HttpResponse<String> response = client.send(probe, BodyHandlers.ofString());
        return response.statusCode() == 200
            && response.body().replace(" ", "").contains("\"status\":\"UP\"");
      } catch (IOException e) {
        return false; // not listening yet
      }
    }

    private Optional<Duration> failStartup(String why) {
      System.out.println();
      System.out.println("STARTUP FAILED: " + why + ". Last lines of " + log + ":");
      try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
        List<String> all = lines.toList();
        all.subList(Math.max(0, all.size() - 40), all.size())
            .forEach(line -> System.out.println("  | " + line));
      } catch (IOException | UncheckedIOException e) {
        System.out.println("  (cannot read the log: " + e.getMessage() + ")");
      }
      return Optional.empty();
    }

    Path workDir() {
      return workDir;
    }

    /**
     * Stops the JVM (gracefully, then forcibly), then any PostgreSQL process it left behind;
     * deletes the temp dir.
     */
    void stop() {
      stop(keep);
    }

    /** As {@link #stop()}, keeping the directory when {@code keepDir} (for a restart on it). */
    void stop(boolean keepDir) {
      if (!stopped.compareAndSet(false, true)) {
        return;
      }
      List<ProcessHandle> postgres = Memory.embeddedPostgres(process.toHandle(), workDir);
      progress("%nStopping platform pid %d ...", process.pid());
      long start = System.nanoTime();
      boolean graceful = terminate(List.of(process.toHandle()));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          graceful ? " stopped after %.1f s%n" : " still running after %.0f s, killed it%n",
          seconds);
      List<ProcessHandle> leftovers = postgres.stream().filter(ProcessHandle::isAlive).toList();
      if (!leftovers.isEmpty()) {
        System.out.printf("Stopping %d leftover PostgreSQL processes%n", leftovers.size());
        terminate(leftovers);
      }
      if (keepDir) {
        if (keep) {
          System.out.println("Kept " + workDir + " (platform log: " + log + ")");
        }
      } else {
        deleteRecursively(workDir);
      }
    }

    /**
     * Sends SIGTERM, waits up to 30 s in all, then kills what is still running; whether all stopped
     * by themselves.
     */
    private static boolean terminate(List<ProcessHandle> processes) {
      processes.forEach(ProcessHandle::destroy);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      boolean graceful = true;
      for (ProcessHandle process : processes) {
        if (!awaitExit(process, deadline - System.nanoTime())) {
          graceful = false;
          process.destroyForcibly();
          awaitExit(process, TimeUnit.SECONDS.toNanos(5));
        }
      }
      return graceful;
    }

    private static boolean awaitExit(ProcessHandle process, long nanos) {
      try {
        process.onExit().get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (ExecutionException | TimeoutException e) {
        return !process.isAlive();
      }
    }

    private static void deleteRecursively(Path dir) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        System.out.println("Could not delete " + dir + ": " + e.getMessage());
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // memory

  /**
   * Resident memory of the platform JVM and of the JVM together with its embedded PostgreSQL
   * processes.
   */
  record Memory(
      long jvmRssKb,
      long jvmHwmKb,
      long rssAnonKb,
      long rssFileKb,
      long rssShmemKb,
      int threads,
      List<String> nativeMemory,
      int postgresProcesses,
      long totalRssKb,
      long totalPssKb) {

    /**
     * The memory now; with {@code label}, and when the JVM runs with Native Memory Tracking ({@code
     * --jvm-arg -XX:NativeMemoryTracking=summary}), also its summary, written to the temp directory
     * as nmt-LABEL.txt.
     */
    static Memory of(ProcessHandle jvm, Path workDir, String label, boolean nmt) {
      List<ProcessHandle> postgres = embeddedPostgres(jvm, workDir);
      long jvmRss = status(jvm.pid(), "VmRSS");
      long totalRss = jvmRss + postgres.stream().mapToLong(p -> status(p.pid(), "VmRSS")).sum();
      long totalPss = pss(jvm.pid()) + postgres.stream().mapToLong(p -> pss(p.pid())).sum();
      return new Memory(
          jvmRss,
          status(jvm.pid(), "VmHWM"),
          status(jvm.pid(), "RssAnon"),
          status(jvm.pid(), "RssFile"),
          status(jvm.pid(), "RssShmem"),
          (int) statusValue(jvm.pid(), "Threads"),
          nmt ? nativeMemory(jvm.pid(), workDir.resolve("nmt-" + label + ".txt")) : List.of(),
          postgres.size(),
          totalRss,
          totalPss);
    }

    void print() {
      System.out.printf(
          "  JVM:                       RSS %7.1f MiB   (peak VmHWM %7.1f MiB)%n",
          mib(jvmRssKb), mib(jvmHwmKb));
      System.out.printf(
          "    anonymous %.1f MiB, file-backed %.1f MiB (jars, CDS, index files), shared %.1f MiB;"
              + " %d threads%n",
          mib(rssAnonKb), mib(rssFileKb), mib(rssShmemKb), threads);
      nativeMemory.forEach(line -> System.out.println("    " + line));
      System.out.printf(
          "  JVM + embedded PostgreSQL: RSS %7.1f MiB   (PSS %7.1f MiB; %d PostgreSQL processes)%n",
          mib(totalRssKb), mib(totalPssKb), postgresProcesses);
    }

    private static double mib(long kb) {
      return kb / 1024.0;
    }

    /**
     * The JVM's descendants, plus PostgreSQL servers started from its temp directory and their
     * children: pg_ctl daemonizes the postmaster, so it is usually re-parented away from the JVM
     * and is no longer its descendant.
     */
    static List<ProcessHandle> embeddedPostgres(ProcessHandle jvm, Path workDir) {
      String marker = workDir + "/";
      List<ProcessHandle> found = new ArrayList<>(jvm.descendants().toList());
      ProcessHandle.allProcesses()
          .filter(p -> p.pid() != jvm.pid() && cmdline(p.pid()).contains(marker))
          .forEach(
              postmaster -> {
                found.add(postmaster);
                found.addAll(postmaster.descendants().toList());
              });
      return found.stream().filter(ProcessHandle::isAlive).distinct().collect(Collectors.toList());
    }

    /** A kB value from /proc/<pid>/status, or 0 when the process is gone. */
    static long status(long pid, String field) {
      return kbLine(Paths.get("/proc", "" + pid, "status"), field);
    }

    /** A plain number from /proc/<pid>/status (no unit), or 0 when the process is gone. */
    static long statusValue(long pid, String field) {
      Pattern pattern = Pattern.compile("^" + field + ":\\s+(\\d+)$", Pattern.MULTILINE);
      try {
        Matcher m = pattern.matcher(Files.readString(Paths.get("/proc", "" + pid, "status")));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
      } catch (IOException | UncheckedIOException e) {
        return 0;
      }
    }

    private static final Pattern NMT_CATEGORY =
        Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
    private static final Pattern NMT_TOTAL =
        Pattern.compile("^Total: reserved=\\d+KB, committed=(\\d+)KB");

    /**
     * {@code jcmd PID VM.native_memory summary}, saved to {@code file}; one line with the committed
     * MiB of the total and of each category of 1 MiB or more, largest first.
     */
    static List<String> nativeMemory(long pid, Path file) {
      Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
      try {
        Process p =
            new ProcessBuilder(jcmd.toString(), "" + pid, "VM.native_memory", "summary")
                .redirectErrorStream(true)
                .redirectOutput(file.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return List.of("Native Memory Tracking: jcmd did not answer within 60 s");
        }
        long total = 0;
        Map<String, Long> categories = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
          Matcher t = NMT_TOTAL.matcher(line.trim());
          Matcher c = NMT_CATEGORY.matcher(line.trim());
          if (t.find()) {
            total = Long.parseLong(t.group(1));
          } else if (c.find()) {
            categories.put(c.group(1), Long.parseLong(c.group(2)));
          }
        }
        if (total == 0) {
          return List.of("Native Memory Tracking: no summary (see " + file + ")");
        }
        String parts =
            categories.entrySet().stream()
                .filter(e -> e.getValue() >= 1024)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), mib(e.getValue())))
                .collect(Collectors.joining(", "));
        return List.of(
            String.format(
                Locale.ROOT,
                "NMT committed %.0f MiB (%s; MiB), in %s",
                mib(total),
                parts,
                file.getFileName()));
      } catch (IOException e) {
        return List.of("Native Memory Tracking: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }

    static long pss(long pid) {
      return kbLine(Paths.get("/proc", "" + pid, "smaps_rollup"), "Pss");
    }

    private static long kbLine(Path file, String field) {
      Pattern pattern = Pattern.compile("^" + field + ":\\s+(\\d+) kB", Pattern.MULTILINE);
      try {
        Matcher m = pattern.matcher(Files.readString(file));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
      } catch (IOException | UncheckedIOException e) {
        return 0;
      }
    }

    private static String cmdline(long pid) {
      try {
        return new String(
                Files.readAllBytes(Paths.get("/proc", "" + pid, "cmdline")), StandardCharsets.UTF_8)
            .replace('\0', ' ');
      } catch (IOException e) {
        return "";
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // the HTTP API

  enum Operation {
    CREATE,
    READ,
    LIST,
    UPLOAD;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The few ContractFlow API calls the benchmark makes, over one shared HTTP/1.1 client. */
  static final class Api {

    /** Contract terms start a month ago and run a year: relative to today, so they never lapse. */
    private static final LocalDate TERM_START = LocalDate.now().minusMonths(1);

    /** One request's result: its latency, and a description of the failure if it failed. */
    record Outcome(long nanos, String failure) {}

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI baseUri;
    private final String authorization;

    Api(URI baseUri, String user, String password, ExecutorService executor) {
      this.client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .executor(executor)
              .build();
      this.baseUri = baseUri;
      this.authorization =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String createCounterparty(String name) throws IOException, InterruptedException {
      String body = "{\"name\":\"" + name + "\",\"contactEmail\":\"x@example.com\"}";
      HttpResponse<String> response =
          client.send(post("/api/counterparties", body), BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("Cannot create the counterparty: " + describe(response));
      }
      return id(response);
    }

    Outcome createContract(String counterpartyId, String title, List<String> createdIds) {
      String body =
          """
          {"title":"%s","type":"SERVICES","counterpartyId":"%s","value":{"amount":1200.50,"currency":"EUR"},\
          "startDate":"%s","endDate":"%s",\
          "renewal":{"autoRenew":false,"renewalTermMonths":12,"noticePeriodDays":30},"tags":["bench"]}"""
              .formatted(title, counterpartyId, TERM_START, TERM_START.plusYears(1).minusDays(1));
      return timed(
          post("/api/contracts", body),
          201,
          response -> {
            if (response.headers().firstValue("ETag").isEmpty()) {
              return "201 without an ETag header";
            }
            createdIds.add(id(response));
            return null;
          });
    }

    /**
     * Uploads a PDF as a new version of the contract's document; the version must come back with
     * its text.
     */
    Outcome upload(String contractId, byte[] pdf) {
      String boundary = "----bench" + System.nanoTime();
      byte[] head =
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.pdf\"\r\n"
                  + "Content-Type: application/pdf\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
      HttpRequest request =
          request("/api/contracts/" + contractId + "/documents")
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, pdf, tail)))
              .build();
      return timed(
          request,
          201,
          response ->
              response.body().contains("\"textStatus\":\"EXTRACTED\"")
                  ? null
                  : "201 without extracted text: " + describe(response));
    }

    Outcome getContract(String id) {
      return timed(get("/api/contracts/" + id), 200, response -> null);
    }

    Outcome listDraftServiceContracts() {
      return timed(
          get("/api/contracts?status=DRAFT&type=SERVICES&size=20&sort=createdAt,desc"),
          200,
          response -> null);
    }

    /**
     * Sends a request and times it; a wrong status, an exception or a failed check is the outcome's
     * failure.
     */
    private Outcome timed(
        HttpRequest request, int expected, Function<HttpResponse<String>, String> check) {
      long start = System.nanoTime();
      HttpResponse<String> response = null;
      String failure = null;
      try {
        response = client.send(request, BodyHandlers.ofString());
      } catch (IOException e) {
        failure = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = "interrupted";
      }
      long nanos = System.nanoTime() - start;
      if (response != null) {
        failure = response.statusCode() == expected ? check.apply(response) : describe(response);
      }
      String where = request.method() + " " + request.uri().getPath() + " -> ";
      return new Outcome(nanos, failure == null ? null : where + failure);
    }

    private static String describe(HttpResponse<String> response) {
      String body = response.body().replaceAll("\\s+", " ");
      return "HTTP "
          + response.statusCode()
          + " "
          + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }

    private static String id(HttpResponse<String> response) {
      Matcher m = ID.matcher(response.body());
      if (!m.find()) {
        throw new IllegalStateException("No id in " + response.body());
      }
      return m.group(1);
    }

    private HttpRequest post(String path, String json) {
      return request(path)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json))
          .build();
    }

    private HttpRequest get(String path) {
      return request(path).GET().build();
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(baseUri.resolve(path))
          .timeout(TIMEOUT)
          .header("Authorization", authorization)
          .header("Accept", "application/json");
    }
  }

  // ----------------------------------------------------------------------------------------------
  // a test document

  /**
   * A valid PDF of about a given size, all of it text (uncompressed), so that extraction has work
   * to do.
   */
  static final class TextPdf {
    private static final int LINES_PER_PAGE = 60;

    static byte[] ofSize(int bytes) {
      String line =
          "BT /F1 9 Tf 40 %d Td (Clause %d. The Supplier shall deliver the Services with due care and skill.) Tj ET\n";
      List<String> pages = new ArrayList<>();
      StringBuilder page = new StringBuilder();
      int total = 0;
      for (int i = 0; total < bytes; i++) {
        String text = String.format(Locale.ROOT, line, 780 - (i % LINES_PER_PAGE) * 12, i + 1);
        page.append(text);
        total += text.length();
        if ((i + 1) % LINES_PER_PAGE == 0) {
          pages.add(page.toString());
          page.setLength(0);
        }
      }
      if (!page.isEmpty()) {
        pages.add(page.toString());
      }
      return write(pages);
    }

    /**
     * Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream per page; then
     * the xref table.
     */
    private static byte[] write(List<String> contents) {
      List<String> objects = new ArrayList<>();
      StringBuilder kids = new StringBuilder();
      for (int i = 0; i < contents.size(); i++) {
        kids.append(4 + 2 * i).append(" 0 R ");
      }
      objects.add("<< /Type /Catalog /Pages 2 0 R >>");
      objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + contents.size() + " >>");
      objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
      for (int i = 0; i < contents.size(); i++) {
        objects.add(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents "
                + (5 + 2 * i)
                + " 0 R >>");
        String stream = contents.get(i);
        objects.add("<< /Length " + stream.length() + " >>\nstream\n" + stream + "endstream");
      }
      StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
      List<Integer> offsets = new ArrayList<>();
      for (int i = 0; i < objects.size(); i++) {
        offsets.add(pdf.length());
        pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
      }
      int xref = pdf.length();
      pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
      offsets.forEach(offset -> pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset)));
      pdf.append("trailer\n<< /Size ")
          .append(objects.size() + 1)
          .append(" /Root 1 0 R >>\nstartxref\n")
          .append(xref)
          .append("\n%%EOF\n");
      return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // running a batch

  /** A fixed number of requests shared by a fixed number of client threads that start together. */
  record Batch(long[] latencies, List<String> failures, long elapsedNanos) {

    static Batch run(int clients, int requests, IntFunction<Api.Outcome> request)
        throws InterruptedException {
      long[] latencies = new long[requests];
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger next = new AtomicInteger();
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(clients, daemonThreads("client"));
      for (int c = 0; c < clients; c++) {
        pool.execute(
            () -> {
              awaitQuietly(go);
              for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                Api.Outcome outcome = attempt(request, i);
                latencies[i] = outcome.nanos();
                if (outcome.failure() != null) {
                  failures.add(outcome.failure());
                }
              }
            });
      }
      long start = System.nanoTime();
      go.countDown();
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.DAYS);
      return new Batch(latencies, failures, System.nanoTime() - start);
    }

    private static Api.Outcome attempt(IntFunction<Api.Outcome> request, int i) {
      long start = System.nanoTime();
      try {
        return request.apply(i);
      } catch (RuntimeException e) {
        return new Api.Outcome(System.nanoTime() - start, e.toString());
      }
    }

    private static void awaitQuietly(CountDownLatch latch) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One row of the result table. */
  record Result(
      Operation operation,
      int clients,
      int requests,
      int errors,
      long elapsedNanos,
      long p50,
      long p90,
      long p99,
      long max,
      int warmupErrors) {

    static Result of(Operation operation, int clients, Batch batch, int warmupErrors) {
      long[] sorted = batch.latencies().clone();
      Arrays.sort(sorted);
      return new Result(
          operation,
          clients,
          sorted.length,
          batch.failures().size(),
          batch.elapsedNanos(),
          percentile(sorted, 50),
          percentile(sorted, 90),
          percentile(sorted, 99),
          sorted[sorted.length - 1],
          warmupErrors);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int p) {
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)];
    }

    double elapsedSeconds() {
      return elapsedNanos / 1e9;
    }

    double throughput() {
      return requests / elapsedSeconds();
    }
  }
}

package io.contractflow.workflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.contractflow.extraction.ContractCorpus;
import io.contractflow.extraction.FactField;
import io.contractflow.imports.ImportFolder;
import io.contractflow.search.EmbeddedOpenSearch;
import io.contractflow.support.Api;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Bulk import at scale (issue 19): a fresh database (on the server of {@code
 * SPRING_DATASOURCE_URL}, else an embedded PostgreSQL), the platform started on it, then one ZIP of
 * {@code --files} contracts of a few pages (the labelled corpus, dated relative to today, each with
 * schedule pages of its own: text PDFs, DOCX and a share of scans without a text layer) uploaded to
 * {@code POST /api/imports} as an admin. Measured: files per minute from the upload until every
 * file waits for its verification (checked, read, OCR'd where scanned, a draft with its document
 * and verify task), and meanwhile the API latency another user (rita) sees reading one contract and
 * listing contracts ({@link ApiLatencyProbe}). Printed beside the targets, never asserted; the
 * summary goes to {@code target/benchmarks/import.json}.
 */
public final class ImportBenchmark {

  private static final String USAGE =
      """
      Usage: ImportBenchmark [--files 2000] [--pages 3] [--scanned 0.05] [--docx 0.3]
                             [--json FILE] [--small] [--keep] [--help]
        --files    files in the ZIP (at most contractflow.imports.max-files, 2000)
        --pages    pages of each text PDF and DOCX (the contract and its schedules)
        --scanned  share of the files that are scans (image-only PDFs, read by OCR; as many pages)
        --docx     share of the files that are DOCX (the rest are text PDFs)
        --json     where to write the summary (default target/benchmarks/import.json)
        --small    a small run for CI: 100 files, 2 pages, 2% scanned
        --keep     keep the database and the temp directory
      """;

  static final double FILES_PER_MINUTE_TARGET = 100;
  static final double API_P95_TARGET_MS = 500;

  record Options(
      int files, int pages, double scanned, double docx, Path json, boolean keep, boolean help) {

    static Options parse(String[] args) {
      int files = 2000;
      int pages = 3;
      double scanned = 0.05;
      double docx = 0.3;
      Path json = Path.of("target", "benchmarks", "import.json");
      boolean keep = false;
      boolean help = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--files" -> files = Integer.parseInt(args[++i]);
          case "--pages" -> pages = Integer.parseInt(args[++i]);
          case "--scanned" -> scanned = Double.parseDouble(args[++i]);
          case "--docx" -> docx = Double.parseDouble(args[++i]);
          case "--json" -> json = Path.of(args[++i]);
          case "--small" -> {
            files = 100;
            pages = 2;
            scanned = 0.02;
          }
          case "--keep" -> keep = true;
          case "--help" -> help = true;
          default -> throw new IllegalArgumentException("Unknown option " + args[i]);
        }
      }
      if (files < 1 || pages < 1 || scanned < 0 || docx < 0 || scanned + docx > 1) {
        throw new IllegalArgumentException("Needs files, pages >= 1 and scanned + docx <= 1");
      }
      return new Options(files, pages, scanned, docx, json, keep, help);
    }
  }

  public static void main(String[] args) throws Exception {
    // before POI (DOCX) or PDFBox touch log4j: the platform's in-process OpenSearch node needs
    // log4j-core (PlatformUnderTest sets the same, too late once the files are made)
    System.setProperty("log4j2.loggerContextFactory", EmbeddedOpenSearch.LOG4J_CONTEXT_FACTORY);
    if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
    Options options = Options.parse(args);
    if (options.help()) {
      System.out.print(USAGE);
      return;
    }
    System.exit(run(options) ? 0 : 1);
  }

  static boolean run(Options options) throws Exception {
    Map<String, Object> report = new LinkedHashMap<>();
    Path workDir = Files.createTempDirectory("contractflow-import-benchmark-");
    boolean ok;
    try (BenchmarkDatabases databases = BenchmarkDatabases.start(workDir, options.keep())) {
      System.out.printf(
          "Import benchmark: %,d files (%d pages, %.0f%% scanned, %.0f%% DOCX); %d cores, %s%n",
          options.files(),
          options.pages(),
          options.scanned() * 100,
          options.docx() * 100,
          Runtime.getRuntime().availableProcessors(),
          databases.describe());
      long made = System.nanoTime();
      Folder folder = Folder.write(workDir.resolve("import.zip"), options);
      System.out.printf(
          "  %,d files made in %.1f s: %s; ZIP %.1f MB%n",
          options.files(),
          (System.nanoTime() - made) / 1e9,
          folder.counts(),
          Files.size(folder.zip()) / 1e6);
      BenchmarkDatabases.Database database = databases.create("imports_" + options.files());
      try (PlatformUnderTest app = PlatformUnderTest.boot(database, workDir.resolve("app"))) {
        System.out.printf(
            "  platform ready after %.1f s (load %s)%n",
            app.startupSeconds(), ScaleBenchmark.load());
        ok = measure(app, folder, options, report);
      }
    } finally {
      if (!options.keep()) {
        deleteRecursively(workDir);
      }
    }
    Files.createDirectories(options.json().toAbsolutePath().getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(options.json().toFile(), report);
    System.out.println("Written to " + options.json());
    return ok;
  }

  private static boolean measure(
      PlatformUnderTest app, Folder folder, Options options, Map<String, Object> report)
      throws Exception {
    Api api = app.api();
    // rita's own contract, which she reads while the admin's import runs
    Api.Response counterparty =
        api.as("rita")
            .post(
                "/api/counterparties",
                Map.of("name", "Benchmark counterparty", "contactEmail", "legal@example.com"));
    LocalDate today = LocalDate.now(app.bean(java.time.Clock.class).withZone(ZoneOffset.UTC));
    Map<String, Object> contract = new LinkedHashMap<>();
    contract.put("title", "Rita's services agreement");
    contract.put("type", "SERVICES");
    contract.put("counterpartyId", counterparty.json().get("id").asText());
    contract.put("value", Map.of("amount", 1200, "currency", "EUR"));
    contract.put("startDate", today.toString());
    contract.put("endDate", today.plusYears(1).toString());
    Api.Response created = api.as("rita").post("/api/contracts", contract);
    if (created.status() != 201) {
      throw new IllegalStateException("Rita's contract was not created: " + created);
    }

    ApiLatencyProbe probe = ApiLatencyProbe.start(api, "rita", created.json().get("id").asText());
    long start = System.nanoTime();
    AtomicReference<JsonNode> last = new AtomicReference<>();
    JsonNode done;
    double uploadSeconds;
    try {
      String importId;
      try (Progress progress =
          Progress.printing(
              () -> String.format("[upload] %.0f s", (System.nanoTime() - start) / 1e9))) {
        importId = upload(app.port(), folder.zip());
      }
      uploadSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "  uploaded and queued in %.1f s (load %.1f)%n", uploadSeconds, ScaleBenchmark.load());
      try (Progress progress =
          Progress.printing(() -> progressLine(last.get(), start, options.files()))) {
        done =
            Polling.until(
                Duration.ofHours(6),
                "every file to wait for its verification",
                () -> {
                  JsonNode view = api.as("admin").get("/api/imports/" + importId).json();
                  last.set(view);
                  Polling.sleep(2000);
                  return view;
                },
                view -> view.get("done").asInt() == view.get("total").asInt());
      }
    } finally {
      probe.close();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    ApiLatencyProbe.Latencies[] latencies = probe.stop();
    long verifyTasks =
        app.engine()
            .getTaskService()
            .createTaskQuery()
            .processDefinitionKey("contract-import")
            .taskDefinitionKey("Task_VerifyContract")
            .count();
    Map<String, Integer> statuses = new LinkedHashMap<>();
    done.get("counts")
        .fields()
        .forEachRemaining(e -> statuses.put(e.getKey(), e.getValue().asInt()));
    String firstFailure = null;
    for (JsonNode file : done.get("files")) {
      if ("FAILED".equals(file.get("status").asText())) {
        firstFailure = file.get("fileName").asText() + ": " + file.path("failure").asText();
        break;
      }
    }
    int waiting = statuses.getOrDefault("AWAITING_VERIFICATION", 0);
    double perMinute = waiting / (seconds / 60);

    System.out.printf(
        "%n  %,d of %,d files waiting for verification after %.1f s (%d verify tasks): %.1f files/min"
            + " (target >= %.0f) %s%n",
        waiting,
        options.files(),
        seconds,
        verifyTasks,
        perMinute,
        FILES_PER_MINUTE_TARGET,
        perMinute >= FILES_PER_MINUTE_TARGET ? "✓" : "✗");
    System.out.printf(
        "  statuses %s%s%n",
        statuses, firstFailure == null ? "" : "; first failure " + firstFailure);
    System.out.printf(
        "  API meanwhile (rita, %d requests/s): %s%n",
        ApiLatencyProbe.PER_SECOND, ApiLatencyProbe.describe(latencies));
    System.out.printf(
        "%n| figure | value | target |%n|---|---|---|%n"
            + "| files per minute (upload to verify task) | %.1f | >= %.0f %s |%n"
            + "| read p50 / p95 / p99 | %.0f / %.0f / %.0f ms | p95 < %.0f ms %s |%n"
            + "| list p50 / p95 / p99 | %.0f / %.0f / %.0f ms | p95 < %.0f ms %s |%n",
        perMinute,
        FILES_PER_MINUTE_TARGET,
        perMinute >= FILES_PER_MINUTE_TARGET ? "✓" : "✗",
        latencies[0].p50Ms(),
        latencies[0].p95Ms(),
        latencies[0].p99Ms(),
        API_P95_TARGET_MS,
        latencies[0].p95Ms() < API_P95_TARGET_MS ? "✓" : "✗",
        latencies[1].p50Ms(),
        latencies[1].p95Ms(),
        latencies[1].p99Ms(),
        API_P95_TARGET_MS,
        latencies[1].p95Ms() < API_P95_TARGET_MS ? "✓" : "✗");

    report.put("files", options.files());
    report.put("pages", options.pages());
    report.put("formats", folder.counts());
    report.put("zipBytes", Files.size(folder.zip()));
    report.put("cores", Runtime.getRuntime().availableProcessors());
    report.put("uploadSeconds", Throughput.round(uploadSeconds));
    report.put("seconds", Throughput.round(seconds));
    report.put("filesPerMinute", Throughput.round(perMinute));
    report.put("filesPerMinuteTarget", FILES_PER_MINUTE_TARGET);
    report.put("statuses", statuses);
    report.put("verifyTasks", verifyTasks);
    if (firstFailure != null) {
      report.put("firstFailure", firstFailure);
    }
    report.put("api", ApiLatencyProbe.asMap(latencies));
    report.put("apiP95TargetMs", API_P95_TARGET_MS);
    return waiting == options.files()
        && verifyTasks >= waiting
        && latencies[0].failed() == 0
        && latencies[1].failed() == 0;
  }

  private static String progressLine(JsonNode view, long start, int files) {
    double seconds = (System.nanoTime() - start) / 1e9;
    if (view == null) {
      return String.format("[import] %.0f s, queued", seconds);
    }
    int done = view.get("done").asInt();
    return String.format(
        "[import] %d of %d done after %.0f s (%.1f files/min so far; %s; load %.1f)",
        done, files, seconds, done / (seconds / 60), view.get("counts"), ScaleBenchmark.load());
  }

  /**
   * The ZIP streamed from its file as a multipart upload (part {@code archive}), as an admin; the
   * import's id. The answer comes once every file is queued, which takes a while for thousands.
   */
  private static String upload(int port, Path zip) throws IOException, InterruptedException {
    String boundary = "----cf-benchmark-" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"contracts.zip\""
                + "\r\nContent-Type: application/zip\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports"))
            .timeout(Duration.ofMinutes(30))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofFile(zip),
                    HttpRequest.BodyPublishers.ofByteArray(tail)))
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException(
          "The import was refused: " + response.statusCode() + " " + response.body());
    }
    return Api.json(response.body()).get("id").asText();
  }

  /** The ZIP on disk and how many files of each format it holds. */
  record Folder(Path zip, Map<ImportFolder.Format, Integer> counts) {

    /**
     * {@code options.files()} contracts: the corpus in turn, its years moved relative to today
     * (every fifth one ended), a made reference word each (so each file is new), and schedules up
     * to {@code options.pages()} pages; formats spread evenly by their shares.
     */
    static Folder write(Path zip, Options options) throws IOException {
      List<ContractCorpus.Labelled> corpus = ContractCorpus.all();
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      Random random = new Random(42);
      Map<ImportFolder.Format, Integer> counts = new EnumMap<>(ImportFolder.Format.class);
      try (OutputStream out = Files.newOutputStream(zip);
          ZipOutputStream entries = new ZipOutputStream(out)) {
        double scans = 0;
        double docx = 0;
        for (int i = 0; i < options.files(); i++) {
          ContractCorpus.Labelled contract = corpus.get(i % corpus.size());
          boolean ended = i % 5 == 4 && contract.labels().containsKey(FactField.END_DATE);
          int years = ImportFolder.yearsToMove(contract.labels(), today, ended);
          scans += options.scanned();
          docx += options.docx();
          ImportFolder.Format format;
          if (scans >= 1) {
            scans -= 1;
            format = ImportFolder.Format.SCANNED_PDF;
          } else if (docx >= 1) {
            docx -= 1;
            format = ImportFolder.Format.DOCX;
          } else {
            format = ImportFolder.Format.TEXT_PDF;
          }
          String text =
              ImportFolder.moveYears(contract.text(), years)
                  + "\n\nArchive reference: "
                  + ImportFolder.word(random, 5)
                  + ".\n\n"
                  + schedules(random, options.pages() - 1);
          entries.putNextEntry(
              new ZipEntry(
                  String.format(
                      "batch-%02d/%05d-%s.%s", i / 100, i, contract.name(), format.extension())));
          entries.write(ImportFolder.render(format, text));
          entries.closeEntry();
          counts.merge(format, 1, Integer::sum);
        }
      }
      return new Folder(zip, counts);
    }
  }

  private static final List<String> CLAUSES =
      List.of(
          "The Supplier shall perform the services with the skill and care of a diligent provider.",
          "Each party shall keep the other's confidential information secret and use it only for"
              + " this agreement.",
          "Changes to the scope of the services are agreed in writing before the work begins.",
          "The Customer shall give the Supplier access to its premises and systems as the services"
              + " need.",
          "Reports on the service levels are sent each month and reviewed at the service meeting.",
          "Neither party is liable for a delay caused by events beyond its reasonable control.",
          "Personal data is processed only on documented instructions and kept safe.",
          "The Supplier replaces staff the Customer reasonably objects to without undue delay.");

  /** Schedules of about {@code pages} pages (about 45 lines a page). */
  private static String schedules(Random random, int pages) {
    StringBuilder text = new StringBuilder();
    for (int page = 0; page < pages; page++) {
      text.append("SCHEDULE ").append(page + 1).append(" - SERVICE DESCRIPTION\n\n");
      for (int paragraph = 0; paragraph < 12; paragraph++) {
        text.append(paragraph + 1).append(". ");
        for (int sentence = 0; sentence < 2; sentence++) {
          text.append(CLAUSES.get(random.nextInt(CLAUSES.size()))).append(' ');
        }
        text.append("\n");
      }
      text.append("\n");
    }
    return text.toString();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private ImportBenchmark() {}
}

package io.contractflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.search.EmbeddedOpenSearch;
import io.contractflow.support.Api;
import io.contractflow.support.FreshDatabase;
import io.contractflow.support.MailServer;
import io.contractflow.support.PlatformClock;
import io.contractflow.support.PlatformNode;
import io.contractflow.support.ProcessViews;
import io.contractflow.support.SignerMail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The documented backup procedure, for real: the platform (its own process, on a fresh PostgreSQL
 * database, documents on the filesystem) gets contracts with documents and running processes —
 * waiting at review tasks, at the active term's timers, at drafting. {@code ops/backup/backup.sh}
 * backs it up while it runs; then the database is dropped, the document directory and the search
 * index deleted, and {@code ops/backup/restore.sh} restores into an empty database. The platform
 * started again finds every contract, document version (the same bytes) and process: the same
 * tasks, completable, and the same timers, still due when they were. A damaged backup is refused
 * before anything is touched.
 */
@Tag("own-platform")
class BackupRestoreIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static final Map<String, String> APPROVERS =
      Map.of("legal-reviewer", "leo", "finance-approver", "fiona", "executive-approver", "erin");

  private Path workDir;
  private FreshDatabase database;
  private Path documents;
  private List<String> nodeSettings;

  @Test
  void backUpDestroyRestoreAndFindEverything() throws Exception {
    assumeTrue(
        onPath("pg_dump") && onPath("pg_restore") && onPath("psql"),
        "the PostgreSQL client tools (pg_dump, pg_restore, psql) are not installed");
    workDir = Path.of("target", "backup-restore", UUID.randomUUID().toString()).toAbsolutePath();
    documents = workDir.resolve("documents");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String masterKey = Base64.getEncoder().encodeToString(key);
    EmbeddedOpenSearch search = PlatformNode.openSearch(workDir.resolve("opensearch-before"));
    database = FreshDatabase.create("backup", workDir);
    try {
      nodeSettings =
          List.of(
              "--spring.datasource.url=" + database.jdbcUrl(),
              "--spring.datasource.username=" + database.username(),
              "--spring.datasource.password=" + database.password(),
              "--contractflow.documents.storage.filesystem.root=" + documents,
              "--contractflow.documents.encryption.master-key=" + masterKey,
              "--contractflow.signing.seal.generated-keystore=" + workDir.resolve("keys/seal.p12"),
              // signers' links and codes come by mail
              "--contractflow.notifications.delivery=smtp",
              "--spring.mail.host=127.0.0.1",
              "--spring.mail.port=" + MailServer.shared().port(),
              "--contractflow.outbox.poll-interval=200ms");

      // before: contracts in every kind of state
      Map<String, Snapshot> before = new LinkedHashMap<>();
      Path backup;
      try (PlatformNode node = start("before", search)) {
        Api api = node.api();
        String counterparty =
            api.as("rita")
                .post(
                    "/api/counterparties",
                    JSON.createObjectNode()
                        .put("name", "Backup Ltd")
                        .put("contactEmail", "legal@backup.example"))
                .json()
                .get("id")
                .asText();
        String draft = create(api, counterparty, "Still a draft", true);
        api.as("rita")
            .upload(
                "/api/contracts/" + draft + "/documents",
                "nda-v2.pdf",
                Corpus.PDF,
                Corpus.sample("nda-v2.pdf"));
        String inReview = create(api, counterparty, "Waiting for its reviewers", false);
        submit(api, inReview);
        String active = create(api, counterparty, "Active with its term planned", false);
        submit(api, active);
        approveAll(api, active);
        signAll(api, active);
        await(
            () -> process(api, active),
            p ->
                p.get("status").asText().equals("ACTIVE")
                    && p.get("waitingAt")
                        .toString()
                        .matches(".*(Renewal decision due|End date reached).*"));
        await(() -> process(api, inReview), p -> p.get("openTasks").size() == 2);
        for (String id : List.of(draft, inReview, active)) {
          before.put(id, Snapshot.of(api, id));
        }
        assertThat(before.get(active).documents().size())
            .as("the signed PDF is a version too")
            .isGreaterThan(1);

        // the backup runs while the platform does
        backup = backUp();
      }
      List<String> timersBefore = timers();
      assertThat(timersBefore).as("the active contract's term timers").isNotEmpty();
      search.close();

      // a damaged backup is refused, and nothing is touched
      Path damaged = copy(backup, workDir.resolve("damaged"));
      byte[] dump = Files.readAllBytes(damaged.resolve("database.dump"));
      dump[dump.length / 2] ^= 1;
      Files.write(damaged.resolve("database.dump"), dump);
      Script refused = script("restore.sh", damaged.toString());
      assertThat(refused.exitCode()).as(refused.output()).isNotZero();
      assertThat(refused.output()).contains("checksums do not match");

      // destroy: the database, the documents and the search index
      database.drop();
      deleteRecursively(documents);
      database = database.recreate();

      Script restored = script("restore.sh", backup.toString());
      assertThat(restored.exitCode()).as(restored.output()).isZero();
      assertThat(timers()).as("the timers, due when they were").isEqualTo(timersBefore);

      EmbeddedOpenSearch freshSearch = PlatformNode.openSearch(workDir.resolve("opensearch-after"));
      try (PlatformNode node = start("after", freshSearch)) {
        Api api = node.api();
        for (Map.Entry<String, Snapshot> contract : before.entrySet()) {
          assertThat(Snapshot.of(api, contract.getKey()))
              .as(contract.getKey())
              .isEqualTo(contract.getValue());
        }
        // the running processes go on: the reviews are completed and the contract moves on to
        // signing
        String inReview = new ArrayList<>(before.keySet()).get(1);
        approveAll(api, inReview);
        await(() -> process(api, inReview), p -> p.get("status").asText().equals("SIGNING"));
        // the search index, lost with OpenSearch, is rebuilt from the restored database
        String reference = before.get(inReview).contract().get("reference").asText();
        await(
            () -> api.as("rita").get("/api/search/contracts?q=" + reference),
            r -> r.status() == 200 && r.body().contains(inReview));
      } finally {
        freshSearch.close();
      }
    } finally {
      database.close();
    }
  }

  /** Everything a user sees of a contract: its facts, versions with their bytes, its process. */
  record Snapshot(
      JsonNode contract, JsonNode documents, Map<Integer, String> contents, JsonNode process) {

    static Snapshot of(Api api, String id) {
      String path = "/api/contracts/" + id;
      JsonNode documents = api.as("rita").get(path + "/documents").json();
      Map<Integer, String> contents = new LinkedHashMap<>();
      for (JsonNode version :
          documents.path("items").isMissingNode() ? documents : documents.get("items")) {
        int n = version.get("version").asInt();
        Api.BinaryResponse content = api.as("rita").download(path + "/documents/" + n + "/content");
        assertThat(content.status()).isEqualTo(200);
        contents.put(n, Base64.getEncoder().encodeToString(content.body()));
      }
      JsonNode process = api.as("rita").get(path + "/process").json();
      // task ids survive a restore; nothing else in the view depends on the node
      return new Snapshot(api.as("rita").get(path).json(), documents, contents, process);
    }
  }

  private PlatformNode start(String name, EmbeddedOpenSearch search) {
    List<String> settings = new ArrayList<>(nodeSettings);
    settings.add("--contractflow.search.url=" + search.httpUrl());
    return PlatformNode.launch(name, workDir.resolve(name), settings)
        .awaitReady(Duration.ofMinutes(6));
  }

  private Path backUp() throws Exception {
    Script backup = script("backup.sh", workDir.resolve("backups").toString());
    assertThat(backup.exitCode()).as(backup.output()).isZero();
    assertThat(backup.output()).contains("master key is not in this backup");
    String[] lines = backup.output().strip().split("\n");
    Path dir = Path.of(lines[lines.length - 1]);
    assertThat(dir.resolve("MANIFEST.sha256")).exists();
    assertThat(Files.readString(dir.resolve("MANIFEST.sha256")))
        .contains("database.dump", "documents.tar.gz", "backup.info");
    return dir;
  }

  record Script(int exitCode, String output) {}

  private Script script(String name, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("bash", Path.of("ops", "backup", name).toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("PGHOST", database.host());
    env.put("PGPORT", String.valueOf(database.port()));
    env.put("PGDATABASE", database.name());
    env.put("PGUSER", database.username());
    env.put("PGPASSWORD", database.password());
    env.put("CONTRACTFLOW_DOCUMENTS_STORAGE_TYPE", "filesystem");
    env.put("CONTRACTFLOW_DOCUMENTS_STORAGE_FILESYSTEM_ROOT", documents.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Script(process.exitValue(), output);
  }

  /** The engine's timers: which activity, in which process, due when. */
  private List<String> timers() throws Exception {
    List<String> timers = new ArrayList<>();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select id_ || ' ' || process_instance_id_ || ' ' || duedate_ "
                    + "|| ' ' || job_def_id_ from act_ru_job where type_ = 'timer' order by id_")) {
      while (rs.next()) {
        timers.add(rs.getString(1));
      }
    }
    return timers;
  }

  private static String create(Api api, String counterparty, String title, boolean docx) {
    LocalDate today = PlatformClock.today();
    ObjectNode body = JSON.createObjectNode();
    body.put("title", title);
    body.put("type", "SERVICES");
    body.put("counterpartyId", counterparty);
    body.putObject("value").put("amount", 12000.50).put("currency", "EUR");
    body.put("startDate", today.toString());
    body.put("endDate", today.plusYears(2).toString());
    body.putObject("renewal")
        .put("autoRenew", true)
        .put("renewalTermMonths", 12)
        .put("noticePeriodDays", 30);
    Api.Response created = api.as("rita").post("/api/contracts", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    Api.Response upload =
        docx
            ? api.as("rita")
                .upload(
                    "/api/contracts/" + id + "/documents",
                    "nda.docx",
                    Corpus.DOCX,
                    Corpus.sample("nda.docx"))
            : api.as("rita")
                .upload(
                    "/api/contracts/" + id + "/documents",
                    "nda.pdf",
                    Corpus.PDF,
                    Corpus.sample("nda.pdf"));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    return id;
  }

  private static void submit(Api api, String id) {
    Api.Response response =
        api.as("rita")
            .post(
                "/api/contracts/" + id + "/submit",
                JSON.createObjectNode().put("nonStandardTerms", false).put("comment", "ready"));
    assertThat(response.status()).as(response.toString()).isEqualTo(202);
  }

  private static void approveAll(Api api, String id) {
    JsonNode review =
        await(
            () -> process(api, id),
            p ->
                p.get("openTasks").size() > 0
                    && p.get("openTasks").get(0).get("key").asText().equals("Task_ReviewContract"));
    for (JsonNode task : review.get("openTasks")) {
      String approver = APPROVERS.get(task.get("candidateGroups").get(0).asText());
      Api.Response done =
          api.as(approver)
              .post(
                  "/api/tasks/" + task.get("id").asText() + "/complete",
                  JSON.createObjectNode().put("decision", "APPROVE").put("comment", "fine"));
      assertThat(done.status()).as(done.toString()).isEqualTo(204);
    }
  }

  /**
   * Signs as each signer until the request is complete, with link and one-time code read from their
   * mail.
   */
  private static void signAll(Api api, String id) {
    String path = "/api/contracts/" + id + "/signing";
    SignerMail signers = new SignerMail(MailServer.shared(), api);
    while (true) {
      JsonNode request =
          await(
                  () -> api.as("rita").get(path),
                  r ->
                      r.status() == 200
                          && (ProcessViews.hasOpenTurn(r.json())
                              || !r.json().get("status").asText().equals("OPEN")))
              .json();
      if (!request.get("status").asText().equals("OPEN")) {
        return;
      }
      signers.signOpenTurns(request);
    }
  }

  private static JsonNode process(Api api, String id) {
    return api.as("rita").get("/api/contracts/" + id + "/process").json();
  }

  private static <T> T await(Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      T value = probe.get();
      if (done.test(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Gave up after " + PATIENCE + "; last seen: " + value);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
    return to;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}

package io.contractflow.imports;

import io.contractflow.document.DocumentProperties;
import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.Role;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk imports for callers: contract admins import the company's folder (each file owned by the
 * CSV's owner, else by the admin); requesters import their own contracts. Everyone else is refused.
 * An archive is read and checked whole before anything is stored; then the import, its files and
 * one process per file are stored in one transaction, so an import is queued whole or not at all.
 * Callers see their own imports, admins every import.
 */
@Service
public class ImportService {

  private final ImportStore store;
  private final ImportRuns runs;
  private final ImportProperties properties;
  private final DocumentProperties documents;
  private final Clock clock;

  ImportService(
      ImportStore store,
      ImportRuns runs,
      ImportProperties properties,
      DocumentProperties documents,
      Clock clock) {
    this.store = store;
    this.runs = runs;
    this.properties = properties;
    this.documents = documents;
    this.clock = clock;
  }

  /**
   * Starts an import of the archive, read from {@code zip} (a temporary file the upload streamed
   * to, so an archive of hundreds of megabytes is never held in memory: one file at a time is),
   * with the CSV of known facts (null for none).
   *
   * @param zipSize the archive's size in bytes
   */
  @Transactional(rollbackFor = IOException.class)
  public ImportView start(
      CurrentUser user, String archiveName, InputStreamSource zip, long zipSize, byte[] csv)
      throws IOException {
    mayImport(user);
    Map<String, ImportCsv.Row> rows = csv == null ? Map.of() : ImportCsv.read(csv);
    Set<String> matched = new HashSet<>();
    List<FieldError> errors = new ArrayList<>();
    UUID importId = UUID.randomUUID();
    Instant now = clock.instant();
    store.insert(new ImportStore.Batch(importId, user.username(), now, name(archiveName), 0));
    Map<String, UUID> inBatch = new HashMap<>();
    List<ImportStore.File> queued = new ArrayList<>();
    int[] position = {0};
    Consumer<ImportArchive.Entry> stage =
        entry -> {
          position[0]++;
          ImportCsv.Row row = row(rows, entry.name(), matched);
          String owner = row == null || row.owner() == null ? user.username() : row.owner();
          if (!owner.equals(user.username()) && !user.isAdmin()) {
            errors.add(
                new FieldError(
                    "csv row " + row.number() + " owner",
                    "only contract admins import contracts for others"));
          }
          String sha = sha256(entry.content());
          UUID earlier = inBatch.get(sha);
          UUID before = earlier != null ? earlier : store.importedAs(sha).orElse(null);
          UUID contractId = before != null ? before : UUID.randomUUID();
          ImportStore.File file =
              new ImportStore.File(
                  UUID.randomUUID(),
                  importId,
                  position[0],
                  entry.name(),
                  sha,
                  entry.content().length,
                  row == null ? null : row.number(),
                  row == null ? new EnumMap<>(ImportedField.class) : row.facts(),
                  null,
                  new ImportStore.CustomValues(
                      row == null ? Map.of() : row.customFields(), Map.of()),
                  owner,
                  before != null ? ImportFileStatus.DUPLICATE : ImportFileStatus.QUEUED,
                  contractId,
                  null);
          store.insert(file, before != null ? null : entry.content(), now);
          if (before == null) {
            inBatch.put(sha, contractId);
            queued.add(file);
          }
        };
    int files;
    try (InputStream in = zip.getInputStream()) {
      files = ImportArchive.read(in, zipSize, properties, documents.maxSize().toBytes(), stage);
    }
    store.fileCount(importId, files);
    rows.keySet().stream()
        .filter(file -> !matched.contains(file))
        .sorted()
        .forEach(
            file ->
                errors.add(
                    new FieldError(
                        "csv row " + rows.get(file).number(),
                        "names " + file + ", which is not in the ZIP")));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          "invalid-csv",
          errors.size() == 1
              ? "The CSV's " + errors.get(0).field() + " " + errors.get(0).message()
              : "The CSV has " + errors.size() + " faults",
          errors);
    }
    queued.forEach(file -> runs.start(importId, file.contractId(), file.owner()));
    return view(store.batch(importId).orElseThrow());
  }

  @Transactional(readOnly = true)
  public ImportView get(CurrentUser user, UUID id) {
    return view(visible(user, id));
  }

  @Transactional(readOnly = true)
  public List<ImportView.Summary> list(CurrentUser user, int limit) {
    mayImport(user);
    List<ImportStore.Batch> batches =
        store.batches(user.isAdmin() ? null : user.username(), Math.max(1, Math.min(limit, 200)));
    Map<UUID, Map<ImportFileStatus, Integer>> counts =
        store.counts(batches.stream().map(ImportStore.Batch::id).toList());
    return batches.stream()
        .map(
            b -> {
              Map<ImportFileStatus, Integer> c = counts.getOrDefault(b.id(), Map.of());
              int done =
                  c.entrySet().stream()
                      .filter(e -> e.getKey().isDone())
                      .mapToInt(Map.Entry::getValue)
                      .sum();
              return new ImportView.Summary(
                  b.id(),
                  b.archiveName(),
                  b.createdBy(),
                  b.createdAt(),
                  b.fileCount(),
                  done,
                  c.getOrDefault(ImportFileStatus.FAILED, 0));
            })
        .toList();
  }

  /** Retries the files whose step failed (an incident); how many. */
  @Transactional
  public int resume(CurrentUser user, UUID id) {
    return runs.retry(visible(user, id).id());
  }

  /**
   * Admins: completes the verify task of every file of the import whose facts are all at least as
   * confident as the threshold, as the facts stand; how many. Each completes in a transaction of
   * its own, so one refused task stops no other.
   */
  public int acceptConfident(CurrentUser user, UUID id) {
    ImportStore.Batch batch = visible(user, id);
    if (!user.isAdmin()) {
      throw new NotPermittedException("Only contract admins accept confident facts in bulk");
    }
    int accepted = 0;
    for (ImportStore.File file : store.files(batch.id())) {
      if (file.status() == ImportFileStatus.AWAITING_VERIFICATION
          && ImportFacts.allConfident(file.facts(), properties.confidenceThreshold())
          && runs.acceptAsExtracted(
              file.contractId(), user.username(), List.copyOf(user.groups()))) {
        accepted++;
      }
    }
    return accepted;
  }

  private ImportView view(ImportStore.Batch batch) {
    List<ImportStore.File> files = store.files(batch.id());
    Map<UUID, String> incidents =
        files.stream().allMatch(f -> f.status().isDone()) ? Map.of() : runs.incidents(batch.id());
    Map<ImportFileStatus, Integer> counts = new EnumMap<>(ImportFileStatus.class);
    List<ImportView.FileView> views = new ArrayList<>();
    int done = 0;
    for (ImportStore.File file : files) {
      String incident = file.status().isDone() ? null : incidents.get(file.contractId());
      ImportFileStatus status = incident != null ? ImportFileStatus.FAILED : file.status();
      counts.merge(status, 1, Integer::sum);
      if (status.isDone()) {
        done++;
      }
      views.add(
          new ImportView.FileView(
              file.position(),
              file.fileName(),
              status,
              file.contractId() == null || status == ImportFileStatus.FAILED && incident == null
                  ? null
                  : file.contractId(),
              incident != null ? incident : file.failure(),
              incident != null,
              status == ImportFileStatus.AWAITING_VERIFICATION
                  ? ImportSteps.doubtful(file.facts(), properties.confidenceThreshold())
                  : List.of()));
    }
    return new ImportView(
        batch.id(),
        batch.archiveName(),
        batch.createdBy(),
        batch.createdAt(),
        batch.fileCount(),
        done,
        counts,
        views);
  }

  private ImportStore.Batch visible(CurrentUser user, UUID id) {
    mayImport(user);
    ImportStore.Batch batch = store.batch(id).orElseThrow(() -> NotFoundException.of("Import", id));
    if (!user.isAdmin() && !batch.createdBy().equals(user.username())) {
      throw NotFoundException.of("Import", id);
    }
    return batch;
  }

  private static void mayImport(CurrentUser user) {
    if (user.isReadOnly() || !(user.isAdmin() || user.has(Role.REQUESTER))) {
      throw new NotPermittedException("Only contract admins and requesters import contracts");
    }
  }

  private static ImportCsv.Row row(
      Map<String, ImportCsv.Row> rows, String path, Set<String> matched) {
    String full = path.toLowerCase(Locale.ROOT);
    String base = ImportArchive.baseName(path).toLowerCase(Locale.ROOT);
    for (String key : List.of(full, base)) {
      ImportCsv.Row row = rows.get(key);
      if (row != null) {
        matched.add(key);
        return row;
      }
    }
    return null;
  }

  private static String name(String archiveName) {
    String name = archiveName == null || archiveName.isBlank() ? "import.zip" : archiveName;
    name = ImportArchive.baseName(name.replace('\\', '/')).replaceAll("\\p{Cntrl}", "");
    return name.length() > 255 ? name.substring(0, 255) : name;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

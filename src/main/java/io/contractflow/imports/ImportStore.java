package io.contractflow.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.document.DocumentVersion;
import io.contractflow.document.ExtractedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The imports and their files, in {@code contractflow.contract_import(_file)}. */
@Repository
class ImportStore {

  private static final TypeReference<EnumMap<ImportedField, ImportFact>> FACTS =
      new TypeReference<>() {};

  /** An import as listed. */
  record Batch(UUID id, String createdBy, Instant createdAt, String archiveName, int fileCount) {}

  /**
   * An imported file's custom field values by key: from its CSV row (checked strictly when its
   * contract is made) and found by the extractor (kept where they fit a field of its type).
   */
  record CustomValues(Map<String, String> csv, Map<String, String> found) {

    static final CustomValues NONE = new CustomValues(Map.of(), Map.of());

    CustomValues {
      csv = csv == null ? Map.of() : Map.copyOf(csv);
      found = found == null ? Map.of() : Map.copyOf(found);
    }
  }

  /** One file of an import, without its bytes. */
  record File(
      UUID id,
      UUID importId,
      int position,
      String fileName,
      String sha256,
      long size,
      Integer csvRow,
      Map<ImportedField, ImportFact> csvFacts,
      Map<ImportedField, ImportFact> facts,
      CustomValues customFields,
      String owner,
      ImportFileStatus status,
      UUID contractId,
      String failure) {}

  private static final String FILE_COLUMNS =
      "id, import_id, position, file_name, sha256, size, csv_row, csv_facts, facts, custom_fields,"
          + " owner, status, contract_id, failure";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  ImportStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(Batch batch) {
    jdbc.update(
        "insert into contractflow.contract_import (id, created_by, created_at, archive_name,"
            + " file_count) values (?, ?, ?, ?, ?)",
        batch.id(),
        batch.createdBy(),
        Timestamp.from(batch.createdAt()),
        batch.archiveName(),
        batch.fileCount());
  }

  void insert(File file, byte[] content, Instant now) {
    jdbc.update(
        "insert into contractflow.contract_import_file (id, import_id, position, file_name, sha256,"
            + " size, content, csv_row, csv_facts, custom_fields, owner, status, contract_id,"
            + " failure, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        file.id(),
        file.importId(),
        file.position(),
        file.fileName(),
        file.sha256(),
        file.size(),
        content,
        file.csvRow(),
        write(file.csvFacts()),
        writeCustom(file.customFields()),
        file.owner(),
        file.status().name(),
        file.contractId(),
        file.failure(),
        Timestamp.from(now));
  }

  /** The number of files, once the archive is unpacked. */
  void fileCount(UUID importId, int files) {
    jdbc.update(
        "update contractflow.contract_import set file_count = ? where id = ?", files, importId);
  }

  Optional<Batch> batch(UUID id) {
    return jdbc
        .query(
            "select id, created_by, created_at, archive_name, file_count from"
                + " contractflow.contract_import where id = ?",
            ImportStore::batch,
            id)
        .stream()
        .findFirst();
  }

  List<Batch> batches(String createdBy, int limit) {
    return createdBy == null
        ? jdbc.query(
            "select id, created_by, created_at, archive_name, file_count from"
                + " contractflow.contract_import order by created_at desc, id limit ?",
            ImportStore::batch,
            limit)
        : jdbc.query(
            "select id, created_by, created_at, archive_name, file_count from"
                + " contractflow.contract_import where created_by = ? order by created_at desc, id"
                + " limit ?",
            ImportStore::batch,
            createdBy,
            limit);
  }

  List<File> files(UUID importId) {
    return jdbc.query(
        "select "
            + FILE_COLUMNS
            + " from contractflow.contract_import_file where import_id = ? order by position",
        this::file,
        importId);
  }

  /** Counts of the files of these imports by status. */
  Map<UUID, Map<ImportFileStatus, Integer>> counts(List<UUID> importIds) {
    Map<UUID, Map<ImportFileStatus, Integer>> counts = new java.util.HashMap<>();
    if (importIds.isEmpty()) {
      return counts;
    }
    jdbc.query(
        "select import_id, status, count(*) from contractflow.contract_import_file where import_id"
            + " = any (?) group by import_id, status",
        rs -> {
          counts
              .computeIfAbsent(
                  rs.getObject(1, UUID.class), id -> new EnumMap<>(ImportFileStatus.class))
              .put(ImportFileStatus.valueOf(rs.getString(2)), rs.getInt(3));
        },
        (Object) importIds.toArray(UUID[]::new));
    return counts;
  }

  /** The file whose process has this contract id as business key (the one not a duplicate). */
  Optional<File> byContract(UUID contractId) {
    return jdbc
        .query(
            "select "
                + FILE_COLUMNS
                + " from contractflow.contract_import_file where contract_id = ? and status <>"
                + " 'DUPLICATE' order by position limit 1",
            this::file,
            contractId)
        .stream()
        .findFirst();
  }

  byte[] content(UUID fileId) {
    byte[] content =
        jdbc.queryForObject(
            "select content from contractflow.contract_import_file where id = ?",
            byte[].class,
            fileId);
    if (content == null) {
      throw new IllegalStateException("The bytes of import file " + fileId + " are gone");
    }
    return content;
  }

  void status(UUID fileId, ImportFileStatus status, String failure, Instant now) {
    jdbc.update(
        "update contractflow.contract_import_file set status = ?, failure = ?, updated_at = ? where"
            + " id = ?",
        status.name(),
        failure == null
            ? null
            : failure.length() > 1000 ? failure.substring(0, 999) + "…" : failure,
        Timestamp.from(now),
        fileId);
  }

  void facts(UUID fileId, Map<ImportedField, ImportFact> facts, Instant now) {
    jdbc.update(
        "update contractflow.contract_import_file set facts = ?, status = ?, updated_at = ? where"
            + " id = ?",
        write(facts),
        ImportFileStatus.READ.name(),
        Timestamp.from(now),
        fileId);
  }

  /** The text extracted from the staged bytes, kept until they are stored as a version. */
  void text(UUID fileId, ExtractedText text) {
    jdbc.update(
        "update contractflow.contract_import_file set text_status = ?, text = ? where id = ?",
        text.status().name(),
        text.text(),
        fileId);
  }

  /** The text extracted from the staged bytes; empty if none was extracted (yet). */
  Optional<ExtractedText> text(UUID fileId) {
    return jdbc
        .query(
            "select text_status, text from contractflow.contract_import_file where id = ? and"
                + " text_status is not null",
            (rs, n) ->
                new ExtractedText(
                    DocumentVersion.TextStatus.valueOf(rs.getString(1)), rs.getString(2)),
            fileId)
        .stream()
        .findFirst();
  }

  /** The custom field values of the file, its CSV's and those the extractor found. */
  void customFields(UUID fileId, CustomValues values) {
    jdbc.update(
        "update contractflow.contract_import_file set custom_fields = ? where id = ?",
        writeCustom(values),
        fileId);
  }

  /** Once stored as a document version, or refused for good, the staged bytes and text go. */
  void dropContent(UUID fileId) {
    jdbc.update(
        "update contractflow.contract_import_file set content = null, text_status = null, text ="
            + " null where id = ?",
        fileId);
  }

  /** A file that turned out to be the same as one imported before: its contract is that one. */
  void duplicateOf(UUID fileId, UUID existing, Instant now) {
    jdbc.update(
        "update contractflow.contract_import_file set status = 'DUPLICATE', contract_id = ?,"
            + " content = null, updated_at = ? where id = ?",
        existing,
        Timestamp.from(now),
        fileId);
  }

  /** The contract a file of this content became, if one did. */
  Optional<UUID> importedAs(String sha256) {
    return jdbc
        .queryForList(
            "select contract_id from contractflow.imported_document where sha256 = ?",
            UUID.class,
            sha256)
        .stream()
        .findFirst();
  }

  /**
   * Claims the content for the contract: true if it is the first; false if another contract holds
   * it already (the unique key decides between concurrent imports).
   */
  boolean claim(String sha256, UUID contractId, Instant now) {
    return jdbc.update(
            "insert into contractflow.imported_document (sha256, contract_id, imported_at) values"
                + " (?, ?, ?) on conflict (sha256) do nothing",
            sha256,
            contractId,
            Timestamp.from(now))
        == 1;
  }

  private static Batch batch(ResultSet rs, int row) throws SQLException {
    return new Batch(
        rs.getObject("id", UUID.class),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("archive_name"),
        rs.getInt("file_count"));
  }

  private File file(ResultSet rs, int row) throws SQLException {
    Integer csvRow = rs.getObject("csv_row", Integer.class);
    return new File(
        rs.getObject("id", UUID.class),
        rs.getObject("import_id", UUID.class),
        rs.getInt("position"),
        rs.getString("file_name"),
        rs.getString("sha256"),
        rs.getLong("size"),
        csvRow,
        read(rs.getString("csv_facts")),
        read(rs.getString("facts")),
        readCustom(rs.getString("custom_fields")),
        rs.getString("owner"),
        ImportFileStatus.valueOf(rs.getString("status")),
        rs.getObject("contract_id", UUID.class),
        rs.getString("failure"));
  }

  private String write(Map<ImportedField, ImportFact> facts) {
    try {
      return facts == null ? null : json.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String writeCustom(CustomValues values) {
    try {
      return values == null ? null : json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private CustomValues readCustom(String text) {
    try {
      return text == null ? CustomValues.NONE : json.readValue(text, CustomValues.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<ImportedField, ImportFact> read(String text) {
    try {
      return text == null ? new EnumMap<>(ImportedField.class) : json.readValue(text, FACTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

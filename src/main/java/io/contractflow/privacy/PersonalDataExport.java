package io.contractflow.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.contractflow.audit.PersonalDataInAudit;
import io.contractflow.document.DocumentService;
import io.contractflow.platform.privacy.PersonalTerms;
import io.contractflow.search.IndexedCopies;
import io.contractflow.workflow.privacy.EnginePersonalData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything held about one person, as a ZIP: one JSON file per store of the inventory
 * (docs/privacy.md) and the document versions they uploaded or signed. Other people who appear in
 * the same rows (a contract's owner, a co-signer, whoever granted a share) are masked as {@value
 * #ANOTHER}: the archive holds nothing about anyone else, except what the documents themselves say.
 */
@Component
class PersonalDataExport {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataExport.class);

  static final String ANOTHER = "[another person]";

  private final PersonalDataQueries queries;
  private final PersonalDataInAudit audit;
  private final EnginePersonalData engine;
  private final DocumentService documents;
  private final IndexedCopies index;
  private final ObjectMapper json;
  private final Clock clock;

  PersonalDataExport(
      PersonalDataQueries queries,
      PersonalDataInAudit audit,
      EnginePersonalData engine,
      DocumentService documents,
      IndexedCopies index,
      ObjectMapper json,
      Clock clock) {
    this.queries = queries;
    this.audit = audit;
    this.engine = engine;
    this.documents = documents;
    this.index = index;
    this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    this.clock = clock;
  }

  /** The archive and what it lists. */
  record Archive(byte[] zip, List<String> files) {}

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  Archive export(DataSubject subject, UUID requestId) {
    PersonalTerms terms = subject.terms();
    Map<String, Object> stores = new LinkedHashMap<>();
    stores.put(
        "identity", subject.userId() == null ? null : engine.user(subject.userId()).orElse(null));
    stores.putAll(queries.export(subject, terms));
    stores.put("audit-trail", audit.entriesNaming(terms));
    stores.put("engine", engine.export(subject.userId(), terms));
    stores.put("search-index", searchIndex(subject, terms));

    PersonalTerms others = queries.otherPeople(subject, terms);
    Map<String, JsonNode> files = new LinkedHashMap<>();
    stores.forEach(
        (name, value) -> files.put(name + ".json", mask(json.valueToTree(value), others)));

    List<PersonalDataQueries.Document> versions = queries.documents(subject);
    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    manifest.put("request", requestId.toString());
    manifest.put("generatedAt", clock.instant().toString());
    manifest.put("subject", subject.asked());
    manifest.put(
        "about",
        "Everything ContractFlow holds about this person, one JSON file per store (docs/privacy.md)."
            + " Other people in the same records are shown as "
            + ANOTHER
            + ". documents/ holds the document versions the person uploaded or signed.");
    ArrayNode list = manifest.putArray("files");
    files.keySet().forEach(list::add);
    ArrayNode documentList = manifest.putArray("documents");
    ArrayNode notHere = manifest.putArray("notInThisArchive");
    notHere
        .addObject()
        .put("store", "logs")
        .put(
            "why",
            "application logs name users by id only (e-mail addresses masked) and are kept"
                + " by the log platform for its retention period (docs/privacy.md); an operator"
                + " extracts them on request");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> names = new ArrayList<>();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      Set<String> taken = new LinkedHashSet<>();
      for (PersonalDataQueries.Document version : versions) {
        String path =
            "documents/"
                + safe(version.contractReference())
                + "/v"
                + version.versionNumber()
                + "-"
                + safe(version.fileName());
        if (!taken.add(path)) {
          continue;
        }
        documentList
            .addObject()
            .put("path", path)
            .put("why", version.why())
            .put("sha256", version.sha256());
        zip.putNextEntry(new ZipEntry(path));
        zip.write(documents.systemContent(version.id()));
        zip.closeEntry();
        names.add(path);
      }
      put(zip, "manifest.json", manifest);
      names.add("manifest.json");
      for (Map.Entry<String, JsonNode> file : files.entrySet()) {
        put(zip, file.getKey(), file.getValue());
        names.add(file.getKey());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Archive(bytes.toByteArray(), names);
  }

  /** The index's copies of the contracts the person is involved in. */
  private Object searchIndex(DataSubject subject, PersonalTerms terms) {
    try {
      return index.of(queries.involvedContracts(subject, terms));
    } catch (IOException | RuntimeException e) {
      log.warn("Export without the search index's copies: {}", e.toString());
      return Map.of(
          "unavailable",
          "the search index could not be read; it holds copies of the contracts in contracts.json");
    }
  }

  private void put(ZipOutputStream zip, String name, JsonNode node) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(json.writeValueAsBytes(node));
    zip.closeEntry();
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** Every text in the tree with the other people's terms masked. */
  static JsonNode mask(JsonNode node, PersonalTerms others) {
    if (node.isTextual()) {
      return TextNode.valueOf(others.mask(node.textValue(), ANOTHER));
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> out.add(mask(item, others)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.set(field.getKey(), mask(field.getValue(), others));
      }
      return out;
    }
    return node;
  }
}

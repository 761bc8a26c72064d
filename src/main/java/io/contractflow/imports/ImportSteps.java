package io.contractflow.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.contractflow.contract.ContractImports;
import io.contractflow.contract.ContractRequest;
import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractType;
import io.contractflow.counterparty.CounterpartyService;
import io.contractflow.customfield.CustomFieldDefinition;
import io.contractflow.customfield.CustomFieldDefinitions;
import io.contractflow.customfield.FieldKind;
import io.contractflow.document.DocumentService;
import io.contractflow.document.ExtractedText;
import io.contractflow.extraction.ExtractedFact;
import io.contractflow.extraction.FactExtractor;
import io.contractflow.extraction.FactField;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.RejectedContentException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The steps of one file's import process ({@code processes/contract-import.bpmn}), for its
 * delegates. Each finds its file by the contract id the file was given when it was queued (the
 * process's business key) and joins the step's transaction. A refusal for good (an upload check,
 * facts that cannot make a contract) is recorded on the file and reported as such, for the process
 * to end there; anything else is thrown, for the engine to retry and then raise an incident.
 */
@Service
public class ImportSteps {

  /** The outcome of a step that may refuse the file for good. */
  public record Outcome(boolean refused, String reason) {
    static final Outcome DONE = new Outcome(false, null);
  }

  /** The contract made of a file, or the one it duplicates. */
  public record Created(
      UUID contractId,
      String reference,
      boolean duplicate,
      String refusal,
      Map<String, Object> formValues) {}

  private final ImportStore store;
  private final DocumentService documents;
  private final ContractImports contracts;
  private final CounterpartyService counterparties;
  private final CustomFieldDefinitions customFields;
  private final ObjectProvider<FactExtractor> extractor;
  private final ImportProperties properties;
  private final Clock clock;

  ImportSteps(
      ImportStore store,
      DocumentService documents,
      ContractImports contracts,
      CounterpartyService counterparties,
      CustomFieldDefinitions customFields,
      ObjectProvider<FactExtractor> extractor,
      ImportProperties properties,
      Clock clock) {
    this.store = store;
    this.documents = documents;
    this.contracts = contracts;
    this.counterparties = counterparties;
    this.customFields = customFields;
    this.extractor = extractor;
    this.properties = properties;
    this.clock = clock;
  }

  /** "Check imported document": the same inspection and virus scan as an upload. */
  public Outcome check(UUID contractId) {
    ImportStore.File file = file(contractId);
    if (file.status() != ImportFileStatus.QUEUED) {
      return Outcome.DONE;
    }
    try {
      documents.check(ImportArchive.baseName(file.fileName()), store.content(file.id()));
    } catch (RejectedContentException refused) {
      return refuse(file, refused.getMessage());
    }
    store.status(file.id(), ImportFileStatus.CHECKED, null, clock.instant());
    return Outcome.DONE;
  }

  /**
   * "Extract imported facts": the file's text as an upload extracts it (kept for its document
   * version, so the file is read once), its facts, its CSV row on top.
   */
  public void extractFacts(UUID contractId) {
    ImportStore.File file = file(contractId);
    if (file.status() != ImportFileStatus.CHECKED) {
      return;
    }
    ExtractedText text = documents.text(store.content(file.id()));
    store.text(file.id(), text);
    // the first by order if several are configured (a model-based one may join the rule-based one)
    FactExtractor reader = extractor.orderedStream().findFirst().orElse(null);
    List<ExtractedFact> extracted =
        reader == null || text.text() == null ? List.of() : reader.extract(text.text());
    store.facts(file.id(), ImportFacts.merge(extracted, file.csvFacts()), clock.instant());
    store.customFields(
        file.id(), new ImportStore.CustomValues(file.customFields().csv(), found(extracted)));
  }

  /**
   * The facts the extractor found that are no field of the contract (governing law, payment terms),
   * confident enough, by the custom field key they fill if an admin defines one: {@code
   * governing_law}, {@code payment_terms}.
   */
  private Map<String, String> found(List<ExtractedFact> extracted) {
    Map<String, String> found = new LinkedHashMap<>();
    for (ExtractedFact fact : extracted) {
      if ((fact.field() == FactField.GOVERNING_LAW || fact.field() == FactField.PAYMENT_TERMS)
          && fact.confidence() >= properties.confidenceThreshold()
          && fact.value() != null
          && !fact.value().isBlank()) {
        found.putIfAbsent(fact.field().name().toLowerCase(Locale.ROOT), fact.value().strip());
      }
    }
    return found;
  }

  /**
   * "Create imported contract": a draft of the file's facts (defaults where none was found) holding
   * the file as its document; or, if the same content became a contract before, that one; or, if
   * its facts cannot make a contract (an end before the start, say), the file is refused for good.
   */
  public Created create(UUID contractId) {
    ImportStore.File file = file(contractId);
    if (file.status() == ImportFileStatus.AWAITING_VERIFICATION) {
      return new Created(contractId, null, false, null, formValues(file));
    }
    Map<ImportedField, String> values = values(file);
    ContractRequest request;
    try {
      request = request(values, type -> customFields(file, type));
      contracts.check(request);
    } catch (InvalidInputException | DateTimeException | IllegalArgumentException invalid) {
      String reason = "The facts cannot make a contract: " + reason(invalid);
      refuse(file, reason);
      return new Created(contractId, null, false, reason, Map.of());
    }
    if (!store.claim(file.sha256(), contractId, clock.instant())) {
      UUID existing = store.importedAs(file.sha256()).orElseThrow();
      if (!existing.equals(contractId)) {
        store.duplicateOf(file.id(), existing, clock.instant());
        return new Created(existing, null, true, null, Map.of());
      }
    }
    ContractResponse contract = contracts.create(contractId, file.owner(), request);
    documents.storeImported(
        contractId,
        ImportArchive.baseName(file.fileName()),
        store.content(file.id()),
        // read by "Extract imported facts"; a file staged before its text was kept is read now
        store.text(file.id()).orElse(null),
        file.owner());
    store.dropContent(file.id());
    store.status(file.id(), ImportFileStatus.AWAITING_VERIFICATION, null, clock.instant());
    return new Created(contractId, contract.reference(), false, null, formValues(file));
  }

  /**
   * What keeps the verify task from completing with these variables: facts read with less
   * confidence than the threshold whose box is not ticked, and values that cannot make a contract.
   */
  public List<String> refusals(UUID contractId, Map<String, Object> variables) {
    List<String> problems = new ArrayList<>(unconfirmed(contractId, variables));
    try {
      contracts.check(request(verifiedValues(variables)));
    } catch (InvalidInputException | DateTimeException | IllegalArgumentException invalid) {
      problems.add(invalid.getMessage());
    }
    return problems;
  }

  /**
   * The facts read with less confidence than the threshold whose box is not ticked in {@code
   * confirmed} (by the field's confirmation variable).
   */
  List<String> unconfirmed(UUID contractId, Map<String, Object> confirmed) {
    ImportStore.File file = file(contractId);
    List<String> missing = new ArrayList<>();
    file.facts()
        .forEach(
            (field, fact) -> {
              if (fact.confidence() < properties.confidenceThreshold()
                  && !Boolean.TRUE.equals(confirmed.get(field.confirmedVariable()))) {
                missing.add(
                    field.variable()
                        + " ("
                        + fact.value()
                        + ", confidence "
                        + String.format(Locale.ROOT, "%.2f", fact.confidence())
                        + ")");
              }
            });
    return missing;
  }

  /**
   * "Apply verified facts": the values the person confirmed (the form's variables) become the
   * contract's.
   *
   * @return whether the contract's term has already ended
   */
  public boolean applyVerified(UUID contractId, Map<String, Object> variables, String by) {
    ContractRequest request = request(verifiedValues(variables));
    ContractResponse contract = contracts.correct(contractId, request, by);
    return contract.endDate() != null && contract.endDate().isBefore(today());
  }

  /** "Join lifecycle at active term", before the lifecycle starts: the contract is ACTIVE. */
  public ContractResponse activate(UUID contractId, String by) {
    ContractResponse contract =
        contracts.join(
            contractId, ContractStatus.ACTIVE, by, "imported, its facts verified by " + by);
    store.status(file(contractId).id(), ImportFileStatus.ACTIVE, null, clock.instant());
    return contract;
  }

  /** "Mark imported contract expired": its end date passed before it was imported. */
  public void expire(UUID contractId, String by) {
    ContractResponse contract =
        contracts.join(
            contractId,
            ContractStatus.EXPIRED,
            by,
            "imported after its end date, its facts verified by " + by);
    store.status(file(contractId).id(), ImportFileStatus.EXPIRED, null, clock.instant());
  }

  private static Map<ImportedField, String> verifiedValues(Map<String, Object> variables) {
    Map<ImportedField, String> values = new LinkedHashMap<>();
    for (ImportedField field : ImportedField.values()) {
      Object value = variables.get(field.variable());
      if (value != null && !value.toString().isBlank()) {
        values.put(field, value.toString().strip());
      }
    }
    return values;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private Outcome refuse(ImportStore.File file, String reason) {
    store.status(file.id(), ImportFileStatus.FAILED, reason, clock.instant());
    store.dropContent(file.id());
    return new Outcome(true, reason);
  }

  private ImportStore.File file(UUID contractId) {
    return store
        .byContract(contractId)
        .orElseThrow(() -> new IllegalStateException("No imported file for " + contractId));
  }

  /** The value of each field: its fact, else the default the form shows as such. */
  private Map<ImportedField, String> values(ImportStore.File file) {
    Map<ImportedField, String> values = new LinkedHashMap<>();
    file.facts().forEach((field, fact) -> values.put(field, fact.value()));
    String name = ImportArchive.baseName(file.fileName());
    values.putIfAbsent(ImportedField.TITLE, name.substring(0, name.lastIndexOf('.')));
    return values;
  }

  /** What is wrong, with every field at fault named. */
  private static String reason(RuntimeException invalid) {
    if (invalid instanceof InvalidInputException input && input.errors().size() > 1) {
      return input.getMessage()
          + ": "
          + input.errors().stream()
              .map(e -> e.field() + " " + e.message())
              .collect(Collectors.joining("; "));
    }
    return invalid.getMessage();
  }

  /**
   * The file's custom field values for a contract of this type: its CSV's, each checked with the
   * contract (a bad one refuses the file), and what the extractor found where a field of the type
   * takes it (a choice only if it is one of the choices). A party may be named rather than given by
   * id: the counterparty of that name, added if there is none (as for the contract's own).
   */
  private Map<String, JsonNode> customFields(ImportStore.File file, ContractType type) {
    ImportStore.CustomValues values = file.customFields();
    if (values.csv().isEmpty() && values.found().isEmpty()) {
      return null;
    }
    Map<String, CustomFieldDefinition> fields = new LinkedHashMap<>();
    customFields.active(type).forEach(f -> fields.put(f.key(), f));
    Map<String, JsonNode> custom = new java.util.TreeMap<>();
    values
        .found()
        .forEach(
            (key, value) -> {
              CustomFieldDefinition field = fields.get(key);
              if (field == null) {
                return;
              }
              if (field.kind() == FieldKind.TEXT) {
                custom.put(key, text(value.length() > 1000 ? value.substring(0, 1000) : value));
              } else if (field.kind() == FieldKind.CHOICE) {
                field.choices().stream()
                    .filter(c -> c.equalsIgnoreCase(value))
                    .findFirst()
                    .ifPresent(c -> custom.put(key, text(c)));
              }
            });
    values
        .csv()
        .forEach(
            (key, value) -> {
              CustomFieldDefinition field = fields.get(key);
              if (field != null && field.kind() == FieldKind.PARTY && !isUuid(value)) {
                custom.put(key, text(counterparties.findOrAdd(value, "system").getId().toString()));
              } else {
                custom.put(key, text(value));
              }
            });
    return custom;
  }

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }

  private static boolean isUuid(String value) {
    try {
      UUID.fromString(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private ContractRequest request(Map<ImportedField, String> values) {
    return request(values, null);
  }

  private ContractRequest request(
      Map<ImportedField, String> values,
      java.util.function.Function<ContractType, Map<String, JsonNode>> custom) {
    boolean autoRenew = "true".equals(values.get(ImportedField.AUTO_RENEW));
    String months = values.get(ImportedField.RENEWAL_TERM_MONTHS);
    String notice = values.get(ImportedField.NOTICE_PERIOD_DAYS);
    String end = values.get(ImportedField.END_DATE);
    String counterparty =
        values.getOrDefault(ImportedField.COUNTERPARTY, "Unknown counterparty (imported)");
    UUID counterpartyId = counterparties.findOrAdd(counterparty, "system").getId();
    String title = values.getOrDefault(ImportedField.TITLE, "Imported contract");
    ContractType type =
        ContractType.valueOf(values.getOrDefault(ImportedField.TYPE, ContractType.OTHER.name()));
    return new ContractRequest(
        title.length() > 200 ? title.substring(0, 200) : title,
        null,
        type,
        counterpartyId,
        new ContractRequest.MoneyBody(
            new BigDecimal(values.getOrDefault(ImportedField.VALUE, "0")),
            values.getOrDefault(ImportedField.CURRENCY, properties.defaultCurrency())),
        LocalDate.parse(values.getOrDefault(ImportedField.START_DATE, today().toString())),
        end == null ? null : LocalDate.parse(end),
        new ContractRequest.RenewalBody(
            autoRenew,
            months == null ? (autoRenew ? 12 : null) : Integer.valueOf(months),
            notice == null ? null : Integer.valueOf(notice)),
        java.util.Set.of("imported"),
        custom == null ? null : custom.apply(type));
  }

  /**
   * The verify form's variables: each field's value (the default where no fact was found), where it
   * was found, and its confirmation box (ticked where the fact is confident enough).
   */
  private Map<String, Object> formValues(ImportStore.File file) {
    Map<ImportedField, String> values = values(file);
    Map<String, Object> variables = new LinkedHashMap<>();
    for (ImportedField field : ImportedField.values()) {
      ImportFact fact = file.facts().get(field);
      String value = values.get(field);
      if (field == ImportedField.AUTO_RENEW) {
        variables.put(field.variable(), "true".equals(value));
      } else {
        variables.put(field.variable(), value == null ? "" : value);
      }
      variables.put(field.foundVariable(), found(fact));
      variables.put(
          field.confirmedVariable(),
          fact == null || fact.confidence() >= properties.confidenceThreshold());
    }
    return variables;
  }

  private static String found(ImportFact fact) {
    if (fact == null) {
      return "Not found in the document: a default, check it.";
    }
    String passage =
        fact.passage() == null
            ? ""
            : fact.passage().replaceAll("\\s+", " ").replace("{", "(").replace("}", ")").strip();
    if (passage.length() > 300) {
      passage = passage.substring(0, 300) + "…";
    }
    return String.format(Locale.ROOT, "\"%s\" (confidence %.2f)", passage, fact.confidence());
  }

  /** Which fields of the file are below the threshold, for the list of files. */
  static List<String> doubtful(Map<ImportedField, ImportFact> facts, double threshold) {
    return facts.entrySet().stream()
        .filter(e -> e.getValue().confidence() < threshold)
        .map(e -> e.getKey().variable())
        .collect(Collectors.toList());
  }
}

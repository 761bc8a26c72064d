package io.contractflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.document.Corpus;
import io.contractflow.document.DocumentService;
import io.contractflow.document.DocumentType;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.MailServer;
import io.contractflow.support.SignerMail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change to a contract or to what belongs to it is in the contract's trail. The write routes
 * come from the API's own description (every non-GET route under {@code /api/contracts/{id}} and
 * {@code /api/counterparties}), so a new write route without an expectation here fails the test.
 * Each is called as a caller who may not (nothing is recorded) and then as one who may: exactly one
 * new entry of the route's kind, naming the caller, and the chain still verifies. A change that
 * rolls back leaves no entry.
 */
class AuditCompletenessIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired ContractTransitions transitions;
  @Autowired DocumentService documents;
  @Autowired TransactionTemplate transactions;

  /**
   * What a route records.
   *
   * @param kind the kind of its one entry on each contract it changes; null for a route that
   *     changes no contract
   * @param why for a route without an entry: why it changes no contract
   */
  private record Expectation(
      String kind, String actor, int status, Supplier<Prepared> prepare, String why) {

    static Expectation records(String kind, String actor, int status, Supplier<Prepared> prepare) {
      return new Expectation(kind, actor, status, prepare, null);
    }

    static Expectation none(String why, int status, Supplier<Prepared> prepare) {
      return new Expectation(null, "rita", status, prepare, why);
    }
  }

  /**
   * One call ready to make: the contracts whose trails it must write to, those it must leave alone,
   * and the call as a given user. {@code stranger}: someone who may not make it (null: no such
   * check).
   */
  private record Prepared(
      List<String> recordedOn,
      List<String> untouched,
      String stranger,
      Function<String, Api.Response> call) {}

  // --- helpers
  // -------------------------------------------------------------------------------------------------

  private String draft() {
    return createContract("rita").get("id").asText();
  }

  private String draftWithPdf() {
    String id = draft();
    upload(id, "nda.pdf");
    return id;
  }

  private void upload(String contractId, String sample) {
    Api.Response uploaded =
        api.as("rita")
            .upload(
                "/api/contracts/" + contractId + "/documents",
                sample,
                Corpus.PDF,
                Corpus.sample(sample));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
  }

  private Api.Response share(String user, String contractId, String principal, String permission) {
    return api.as(user)
        .put(
            "/api/contracts/" + contractId + "/shares",
            JSON.createObjectNode()
                .put("principalType", "USER")
                .put("principalId", principal)
                .put("permission", permission));
  }

  private JsonNode process(String contractId) {
    Api.Response response = api.as("admin").get("/api/contracts/" + contractId + "/process");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private void awaitPhase(String contractId, String status, String phase) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> process(contractId),
            p -> p.get("status").asText().equals(status) && p.get("phase").asText().equals(phase));
  }

  /**
   * A standard NDA of 500 EUR (no approver needed), submitted: out for signature with the built-in
   * signer.
   */
  private String signingContract() {
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.put("type", "NDA").putObject("value").put("amount", 500).put("currency", "EUR");
    body.putObject("renewal").put("autoRenew", false);
    String id = createContract("rita", body).get("id").asText();
    upload(id, "nda.pdf");
    awaitPhase(id, "DRAFT", "Drafting");
    assertThat(api.as("rita").post("/api/contracts/" + id + "/submit", null).status())
        .isEqualTo(202);
    awaitPhase(id, "SIGNING", "Signing");
    return id;
  }

  private JsonNode signing(String contractId) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> api.as("rita").get("/api/contracts/" + contractId + "/signing"),
            r -> r.status() == 200)
        .json();
  }

  /**
   * {@link #signingContract()}, signed by its signer (link and code from the signer's mail):
   * ACTIVE.
   */
  private String activeContract() {
    String id = signingContract();
    JsonNode signing = signing(id);
    assertThat(new SignerMail(MailServer.shared(), api).signOpenTurns(signing))
        .isEqualTo(signing.get("signers").size());
    awaitPhase(id, "ACTIVE", "Active term");
    return id;
  }

  /** The contract's whole trail as the API gives it, oldest first. */
  private JsonNode history(String contractId) {
    Api.Response response =
        api.as("admin").get("/api/contracts/" + contractId + "/history?size=100");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static int lastSeq(JsonNode history) {
    JsonNode content = history.get("content");
    return content.isEmpty() ? 0 : content.get(content.size() - 1).get("seq").asInt();
  }

  /** The entries of this kind after {@code afterSeq}. */
  private static List<JsonNode> newEntries(JsonNode history, int afterSeq, String kind) {
    List<JsonNode> found = new ArrayList<>();
    history
        .get("content")
        .forEach(
            e -> {
              if (e.get("seq").asInt() > afterSeq && e.get("kind").asText().equals(kind)) {
                found.add(e);
              }
            });
    return found;
  }

  /** Every non-GET route under the contracts' ids and the counterparties, as "method path". */
  private List<String> writeRoutes() {
    JsonNode paths = api.as("rita").get("/v3/api-docs").json().get("paths");
    List<String> routes = new ArrayList<>();
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      if (path.startsWith("/api/contracts/{")
          || path.startsWith("/api/counterparties")
          || path.startsWith("/api/admin/privacy")) {
        paths
            .get(path)
            .fieldNames()
            .forEachRemaining(
                method -> {
                  if (!method.equals("get")
                      && !method.equals("head")
                      && !method.equals("options")) {
                    routes.add(method + " " + path);
                  }
                });
      }
    }
    return routes;
  }

  // --- the expectations
  // ----------------------------------------------------------------------------------------

  private Map<String, Expectation> expectations() {
    Map<String, Expectation> expected = new LinkedHashMap<>();
    expected.put(
        "put /api/contracts/{id}",
        Expectation.records(
            AuditKinds.EDITED,
            "rita",
            200,
            () -> {
              Api.Response contract = api.as("rita").get("/api/contracts/" + draft());
              String id = contract.json().get("id").asText();
              ObjectNode edit =
                  contractBody(contract.json().get("counterparty").get("id").asText())
                      .put("title", "Edited");
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "ravi",
                  user -> api.as(user).ifMatch(contract.etag()).put("/api/contracts/" + id, edit));
            }));
    expected.put(
        "post /api/contracts/{id}/cancel",
        Expectation.records(
            AuditKinds.STATUS_CHANGED,
            "rita",
            200,
            () -> {
              String id = draft();
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "ravi",
                  user -> api.as(user).post("/api/contracts/" + id + "/cancel", null));
            }));
    expected.put(
        "put /api/contracts/{id}/shares",
        Expectation.records(
            AuditKinds.SHARE_GRANTED,
            "rita",
            200,
            () -> {
              String id = draft();
              return new Prepared(
                  List.of(id), List.of(), "ravi", user -> share(user, id, "erin", "VIEW"));
            }));
    expected.put(
        "delete /api/contracts/{id}/shares/{principalType}/{principalId}",
        Expectation.records(
            AuditKinds.SHARE_REMOVED,
            "rita",
            204,
            () -> {
              String id = draft();
              assertThat(share("rita", id, "erin", "EDIT").status()).isEqualTo(200);
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "ravi",
                  user -> api.as(user).delete("/api/contracts/" + id + "/shares/USER/erin"));
            }));
    expected.put(
        "post /api/contracts/{contractId}/documents",
        Expectation.records(
            AuditKinds.DOCUMENT,
            "rita",
            201,
            () -> {
              String id = draft();
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "ravi",
                  user ->
                      api.as(user)
                          .upload(
                              "/api/contracts/" + id + "/documents",
                              "nda.pdf",
                              Corpus.PDF,
                              Corpus.sample("nda.pdf")));
            }));
    expected.put(
        "put /api/contracts/{contractId}/documents/current",
        Expectation.records(
            AuditKinds.DOCUMENT_CURRENT,
            "rita",
            200,
            () -> {
              String id = draftWithPdf();
              upload(id, "nda-v2.pdf");
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "ravi",
                  user ->
                      api.as(user)
                          .put(
                              "/api/contracts/" + id + "/documents/current",
                              JSON.createObjectNode().put("version", 1)));
            }));
    expected.put(
        "post /api/contracts/{contractId}/documents/generate",
        Expectation.records(
            AuditKinds.DOCUMENT_GENERATED,
            "rita",
            201,
            () -> {
              String id = draft();
              ObjectNode generate = JSON.createObjectNode().put("template", "mutual-nda");
              generate
                  .putObject("variables")
                  .put("companyName", "Example Ltd")
                  .put("purpose", "Evaluating a cooperation")
                  .put("governingLaw", "England and Wales");
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "ravi",
                  user ->
                      api.as(user).post("/api/contracts/" + id + "/documents/generate", generate));
            }));
    expected.put(
        "put /api/contracts/{contractId}/signers",
        Expectation.records(
            AuditKinds.SIGNERS_CHANGED,
            "rita",
            200,
            () -> {
              String id = draft();
              ObjectNode signers = JSON.createObjectNode().put("mode", "SEQUENTIAL");
              signers
                  .putArray("signers")
                  .addObject()
                  .put("name", "Ann Example")
                  .put("email", "ann@example.com")
                  .put("order", 1);
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "ravi",
                  user -> api.as(user).put("/api/contracts/" + id + "/signers", signers));
            }));
    expected.put(
        "post /api/contracts/{contractId}/submit",
        Expectation.records(
            AuditKinds.TASK_COMPLETED,
            "rita",
            202,
            () -> {
              String id = draftWithPdf();
              awaitPhase(id, "DRAFT", "Drafting");
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "ravi",
                  user ->
                      api.as(user)
                          .post(
                              "/api/contracts/" + id + "/submit",
                              JSON.createObjectNode().put("comment", "ready")));
            }));
    expected.put(
        "post /api/contracts/{contractId}/terminate",
        Expectation.records(
            AuditKinds.TERMINATION_REQUESTED,
            "rita",
            202,
            () -> {
              String id = activeContract();
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "ravi",
                  user ->
                      api.as(user)
                          .post(
                              "/api/contracts/" + id + "/terminate",
                              JSON.createObjectNode().put("reason", "no longer needed")));
            }));
    expected.put(
        "post /api/contracts/{contractId}/signers/{signerId}/resend",
        Expectation.records(
            AuditKinds.SIGNING,
            "rita",
            200,
            () -> {
              String id = signingContract();
              String signer = signing(id).get("signers").get(0).get("id").asText();
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "ravi",
                  user ->
                      api.as(user)
                          .post("/api/contracts/" + id + "/signers/" + signer + "/resend", null));
            }));
    expected.put(
        "post /api/contracts/{contractId}/obligations",
        Expectation.records(
            AuditKinds.OBLIGATION_ADDED,
            "rita",
            201,
            () -> {
              String id = draft();
              ObjectNode obligation = JSON.createObjectNode();
              obligation.put("kind", "DELIVERY").put("title", "Monthly report delivered");
              obligation.putObject("owner").put("type", "USER").put("id", "rita");
              obligation
                  .put("owedBy", "COUNTERPARTY")
                  .put("schedule", "ONE_OFF")
                  .put("firstDue", java.time.LocalDate.now(clock).plusMonths(2).toString());
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "ravi",
                  user -> api.as(user).post("/api/contracts/" + id + "/obligations", obligation));
            }));
    expected.put(
        "put /api/contracts/{contractId}/legal-hold",
        Expectation.records(
            AuditKinds.LEGAL_HOLD_PLACED,
            "admin",
            200,
            () -> {
              String id = draft();
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "rita",
                  user ->
                      api.as(user)
                          .put(
                              "/api/contracts/" + id + "/legal-hold",
                              JSON.createObjectNode().put("reason", "litigation")));
            }));
    expected.put(
        "post /api/contracts/{contractId}/legal-hold/lift",
        Expectation.records(
            AuditKinds.LEGAL_HOLD_LIFTED,
            "admin",
            200,
            () -> {
              String id = draft();
              assertThat(
                      api.as("admin")
                          .put(
                              "/api/contracts/" + id + "/legal-hold",
                              JSON.createObjectNode().put("reason", "litigation"))
                          .status())
                  .isEqualTo(200);
              return new Prepared(
                  List.of(id),
                  List.of(),
                  "rita",
                  user ->
                      api.as(user)
                          .post(
                              "/api/contracts/" + id + "/legal-hold/lift",
                              JSON.createObjectNode().put("reason", "settled")));
            }));
    expected.put(
        "put /api/counterparties/{id}",
        Expectation.records(
            AuditKinds.COUNTERPARTY_CHANGED,
            "rita",
            200,
            () -> {
              String counterparty = createCounterparty("rita");
              String ritas = createContract("rita", contractBody(counterparty)).get("id").asText();
              String ravis = createContract("ravi", contractBody(counterparty)).get("id").asText();
              String cancelled =
                  createContract("rita", contractBody(counterparty)).get("id").asText();
              assertThat(
                      api.as("rita").post("/api/contracts/" + cancelled + "/cancel", null).status())
                  .isEqualTo(200);
              Api.Response current = api.as("rita").get("/api/counterparties/" + counterparty);
              ObjectNode changed =
                  JSON.createObjectNode()
                      .put("name", current.json().get("name").asText())
                      .put("contactEmail", "changed@example.com");
              return new Prepared(
                  List.of(ritas, ravis),
                  List.of(cancelled),
                  "ravi",
                  user ->
                      api.as(user)
                          .ifMatch(current.etag())
                          .put("/api/counterparties/" + counterparty, changed));
            }));
    expected.put(
        "post /api/counterparties",
        Expectation.none(
            "a new counterparty is named by no contract yet",
            201,
            () ->
                new Prepared(
                    List.of(),
                    List.of(),
                    null,
                    user ->
                        api.as(user)
                            .post(
                                "/api/counterparties",
                                JSON.createObjectNode()
                                    .put("name", unique("New"))
                                    .put("contactEmail", "new@example.com")))));
    expected.put(
        "delete /api/counterparties/{id}",
        Expectation.none(
            "only a counterparty that no contract names can be removed",
            204,
            () -> {
              String unused = createCounterparty("rita");
              return new Prepared(
                  List.of(),
                  List.of(),
                  "rita",
                  user -> api.as(user).delete("/api/counterparties/" + unused));
            }));
    expected.put(
        "post /api/admin/privacy/erasures",
        Expectation.records(
            AuditKinds.PERSONAL_DATA_ERASED,
            "admin",
            200,
            () -> {
              String named = draftNaming(unique("Erin Erasable").replace(' ', '-'));
              String other = draft();
              String email = signerEmail(named);
              return new Prepared(
                  List.of(named),
                  List.of(other),
                  "rita",
                  user ->
                      api.as(user)
                          .post(
                              "/api/admin/privacy/erasures",
                              JSON.createObjectNode().put("email", email)));
            }));
    expected.put(
        "post /api/admin/privacy/exports",
        Expectation.none(
            "an export changes no contract; it is recorded in privacy_request and the security log",
            200,
            () -> {
              String named = draftNaming(unique("Eve Exportable").replace(' ', '-'));
              String email = signerEmail(named);
              return new Prepared(
                  List.of(),
                  List.of(),
                  "rita",
                  user ->
                      api.as(user)
                          .post(
                              "/api/admin/privacy/exports",
                              JSON.createObjectNode().put("email", email)));
            }));
    return expected;
  }

  /** A draft of rita's whose signing plan names one outside person, known by {@code name}. */
  private String draftNaming(String name) {
    String id = draft();
    ObjectNode signers = JSON.createObjectNode().put("mode", "SEQUENTIAL");
    signers
        .putArray("signers")
        .addObject()
        .put("name", name)
        .put("email", name.toLowerCase() + "@erasable.example")
        .put("order", 1);
    assertThat(api.as("rita").put("/api/contracts/" + id + "/signers", signers).status())
        .isEqualTo(200);
    return id;
  }

  private String signerEmail(String contractId) {
    return api.as("rita")
        .get("/api/contracts/" + contractId + "/signers")
        .json()
        .toString()
        .replaceAll("(?s).*\"email\":\"([^\"]+)\".*", "$1");
  }

  // --- tests
  // ---------------------------------------------------------------------------------------------------

  @Test
  void everyWriteRouteRecordsExactlyOneEntryOfItsKindWithTheCaller() {
    Map<String, Expectation> expectations = expectations();
    List<String> routes = writeRoutes();
    assertThat(routes)
        .as("write routes the OpenAPI document lists")
        .hasSizeGreaterThanOrEqualTo(13);
    assertThat(expectations.keySet())
        .as("every write route has an audit expectation here")
        .containsAll(routes);
    assertThat(routes)
        .as("no expectation for a route that is gone")
        .containsAll(expectations.keySet());

    SoftAssertions soft = new SoftAssertions();
    for (String route : routes) {
      Expectation expected = expectations.get(route);
      if (expected.kind() == null) {
        // e.g. DELETE of a counterparty: refused for a requester, but no contract names it either
        // way
        Prepared prepared = expected.prepare().get();
        String caller =
            route.startsWith("delete") || route.contains(" /api/admin/")
                ? "admin"
                : expected.actor();
        if (prepared.stranger() != null) {
          soft.assertThat(prepared.call().apply(prepared.stranger()).status())
              .as(route + " as a requester")
              .isEqualTo(403);
        }
        soft.assertThat(prepared.call().apply(caller).status())
            .as(route + " (" + expected.why() + ")")
            .isEqualTo(expected.status());
        continue;
      }
      Prepared prepared = expected.prepare().get();
      Map<String, Integer> before = new LinkedHashMap<>();
      for (String id : concat(prepared.recordedOn(), prepared.untouched())) {
        before.put(id, lastSeq(history(id)));
      }

      Api.Response refused = prepared.call().apply(prepared.stranger());
      soft.assertThat(refused.status()).as(route + " as " + prepared.stranger()).isIn(403, 404);
      for (String id : prepared.recordedOn()) {
        soft.assertThat(newEntries(history(id), before.get(id), expected.kind()))
            .as(route + ": a refused call records nothing")
            .isEmpty();
      }

      Api.Response response = prepared.call().apply(expected.actor());
      soft.assertThat(response.status()).as(route + ": " + response).isEqualTo(expected.status());
      for (String id : prepared.recordedOn()) {
        JsonNode history = history(id);
        List<JsonNode> recorded = newEntries(history, before.get(id), expected.kind());
        soft.assertThat(recorded)
            .as(route + ": new " + expected.kind() + " entries on " + id)
            .hasSize(1);
        recorded.forEach(
            entry -> {
              soft.assertThat(entry.get("actor").asText())
                  .as(route + ": who")
                  .isEqualTo(expected.actor());
              soft.assertThat(entry.get("at").asText()).as(route + ": when").isNotBlank();
              soft.assertThat(entry.get("summary").asText())
                  .as(route + ": summary")
                  .contains(expected.actor());
            });
        soft.assertThat(history.get("verification").get("intact").asBoolean())
            .as(route + ": chain intact")
            .isTrue();
      }
      for (String id : prepared.untouched()) {
        soft.assertThat(newEntries(history(id), before.get(id), expected.kind()))
            .as(route + ": nothing on " + id)
            .isEmpty();
      }
    }
    soft.assertAll();
  }

  @Test
  void entriesSayWhatChanged() {
    Api.Response contract = api.as("rita").get("/api/contracts/" + draft());
    String id = contract.json().get("id").asText();
    ObjectNode edit =
        contractBody(contract.json().get("counterparty").get("id").asText())
            .put("title", contract.json().get("title").asText())
            .put("description", "Changed");
    edit.putObject("value").put("amount", 99).put("currency", "EUR");
    edit.putArray("tags").add("it").add("services");
    assertThat(api.as("rita").ifMatch(contract.etag()).put("/api/contracts/" + id, edit).status())
        .isEqualTo(200);
    assertThat(share("rita", id, "ravi", "VIEW").status()).isEqualTo(200);
    assertThat(share("rita", id, "ravi", "EDIT").status()).isEqualTo(200);
    upload(id, "nda.pdf");
    upload(id, "nda-v2.pdf");
    assertThat(
            api.as("ravi")
                .put(
                    "/api/contracts/" + id + "/documents/current",
                    JSON.createObjectNode().put("version", 1))
                .status())
        .as("ravi may edit now")
        .isEqualTo(200);

    List<JsonNode> entries = new ArrayList<>();
    history(id).get("content").forEach(entries::add);
    JsonNode edited =
        entries.stream()
            .filter(e -> e.get("kind").asText().equals("EDITED"))
            .findFirst()
            .orElseThrow();
    JsonNode changes = edited.get("details").get("changes");
    assertThat(changes.get("description").get("from").asText()).isEqualTo("Managed services");
    assertThat(changes.get("description").get("to").asText()).isEqualTo("Changed");
    assertThat(changes.get("value.amount").get("from").decimalValue())
        .isEqualByComparingTo("12000.50");
    assertThat(changes.get("value.amount").get("to").decimalValue()).isEqualByComparingTo("99");
    assertThat(changes.has("title")).isFalse();
    assertThat(changes.has("tags")).isFalse();

    List<JsonNode> shares =
        entries.stream().filter(e -> e.get("kind").asText().equals("SHARE_GRANTED")).toList();
    assertThat(shares).hasSize(2);
    assertThat(shares.get(1).get("details").get("permission").asText()).isEqualTo("EDIT");
    assertThat(shares.get(1).get("details").get("previousPermission").asText()).isEqualTo("VIEW");

    JsonNode current =
        entries.stream()
            .filter(e -> e.get("kind").asText().equals("DOCUMENT_CURRENT"))
            .findFirst()
            .orElseThrow();
    assertThat(current.get("actor").asText()).isEqualTo("ravi");
    assertThat(current.get("details").get("version").asInt()).isEqualTo(1);
    assertThat(current.get("details").get("previous").asInt()).isEqualTo(2);
    assertThat(entries.stream().filter(e -> e.get("kind").asText().equals("DOCUMENT")))
        .extracting(e -> e.get("details").get("fileName").asText())
        .containsExactly("nda.pdf", "nda-v2.pdf");
  }

  @Test
  void aGenerationIsOneEntryForBothVersions() {
    String id = draft();
    ObjectNode generate = JSON.createObjectNode().put("template", "mutual-nda");
    generate
        .putObject("variables")
        .put("companyName", "Example Ltd")
        .put("purpose", "Evaluating a cooperation")
        .put("governingLaw", "England and Wales");
    assertThat(
            api.as("rita").post("/api/contracts/" + id + "/documents/generate", generate).status())
        .isEqualTo(201);

    List<JsonNode> entries = new ArrayList<>();
    history(id).get("content").forEach(entries::add);
    assertThat(entries)
        .extracting(e -> e.get("kind").asText())
        .containsExactly("CREATED", "DOCUMENT_GENERATED");
    JsonNode versions = entries.get(1).get("details").get("versions");
    assertThat(versions).extracting(v -> v.get("version").asInt()).containsExactly(1, 2);
    assertThat(versions.get(1).get("mediaType").asText()).isEqualTo(DocumentType.PDF.mediaType());
    assertThat(entries.get(1).get("details").get("template").asText()).isEqualTo("mutual-nda");
  }

  @Test
  void aLongEditIsRecordedCutShortNeverRefused() {
    String id = draft();
    edit(id, "a", "x");
    // old and new description (4,000 characters each) and tags (20 of 50) are together longer than
    // an entry holds
    edit(id, "b", "y");

    JsonNode history = history(id);
    List<JsonNode> edits = newEntries(history, 1, "EDITED");
    assertThat(edits).hasSize(2);
    JsonNode description = edits.get(1).get("details").get("changes").get("description");
    assertThat(description.get("from").asText()).startsWith("aaa").endsWith("…");
    assertThat(description.get("to").asText()).startsWith("bbb").endsWith("…");
    assertThat(history.get("verification").get("intact").asBoolean()).isTrue();
  }

  /** Replaces the draft's description and tags with long ones made of {@code letter}s. */
  private void edit(String id, String letter, String tagLetter) {
    Api.Response contract = api.as("rita").get("/api/contracts/" + id);
    ObjectNode edit =
        contractBody(contract.json().get("counterparty").get("id").asText())
            .put("description", letter.repeat(4000));
    ArrayNode tags = edit.putArray("tags");
    for (int i = 0; i < 20; i++) {
      tags.add(i + tagLetter.repeat(48));
    }
    Api.Response edited = api.as("rita").ifMatch(contract.etag()).put("/api/contracts/" + id, edit);
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
  }

  @Test
  void aChangeThatRollsBackLeavesNoEntry() {
    UUID id = UUID.fromString(draft());
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx -> {
                      transitions.shareWithGroupForReading(id, "legal-reviewer", "system");
                      documents.storeSystemVersion(
                          id, "late.pdf", DocumentType.PDF, Corpus.sample("nda.pdf"), "system");
                      throw new IllegalStateException("the step fails after the changes");
                    }))
        .hasMessageContaining("step fails");

    JsonNode history = history(id.toString());
    assertThat(history.get("content"))
        .extracting(e -> e.get("kind").asText())
        .containsExactly("CREATED");
    assertThat(api.as("rita").get("/api/contracts/" + id + "/shares").json()).isEmpty();
    assertThat(api.as("rita").get("/api/contracts/" + id + "/documents").json()).isEmpty();

    String counterparty =
        api.as("rita").get("/api/contracts/" + id).json().get("counterparty").get("id").asText();
    String taken =
        api.as("rita")
            .get("/api/counterparties/" + createCounterparty("rita"))
            .json()
            .get("name")
            .asText();
    Api.Response current = api.as("rita").get("/api/counterparties/" + counterparty);
    Api.Response conflict =
        api.as("rita")
            .ifMatch(current.etag())
            .put(
                "/api/counterparties/" + counterparty,
                JSON.createObjectNode().put("name", taken).put("contactEmail", "x@example.com"));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(history(id.toString()).get("content")).hasSize(1);

    transactions.executeWithoutResult(
        tx -> transitions.shareWithGroupForReading(id, "legal-reviewer", "system"));
    assertThat(newEntries(history(id.toString()), 1, "SHARE_GRANTED"))
        .singleElement()
        .satisfies(e -> assertThat(e.get("actor").asText()).isEqualTo("system"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}

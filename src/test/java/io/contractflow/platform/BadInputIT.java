package io.contractflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad input gets a 4xx RFC 9457 problem naming the field at fault — never a 500 — and
 * nothing already stored changes: each bad body is sent both to create a contract and to replace an
 * existing one.
 */
class BadInputIT extends IntegrationTest {

  private String counterparty;
  private JsonNode existing;

  @BeforeEach
  void anExistingDraft() {
    existing = createContract("rita");
    counterparty = existing.get("counterparty").get("id").asText();
  }

  /**
   * A bad body, made from a valid one, and the field the problem must name (null: the body as a
   * whole).
   */
  record BadBody(String name, Function<ObjectNode, String> make, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static BadBody edit(
      String name, String field, java.util.function.Consumer<ObjectNode> change) {
    return new BadBody(
        name,
        body -> {
          change.accept(body);
          return body.toString();
        },
        field);
  }

  static Stream<BadBody> badBodies() {
    List<BadBody> cases =
        new ArrayList<>(
            List.of(
                new BadBody("malformed JSON", body -> "{\"title\": \"Unfinished", null),
                new BadBody("an array instead of an object", body -> "[]", null),
                new BadBody("trailing garbage", body -> body + " {}", null),
                new BadBody("empty body", body -> "", null),
                edit("amount is text", "value.amount", b -> b.with("value").put("amount", "a lot")),
                edit(
                    "date that does not exist", "startDate", b -> b.put("startDate", "2026-13-45")),
                edit("date in another format", "endDate", b -> b.put("endDate", "31/12/2026")),
                edit("tags as a string", "tags", b -> b.put("tags", "one")),
                edit(
                    "counterparty id not a UUID",
                    "counterpartyId",
                    b -> b.put("counterpartyId", "acme")),
                edit("unknown contract type", "type", b -> b.put("type", "HANDSHAKE")),
                edit("title too long", "title", b -> b.put("title", "x".repeat(201))),
                edit(
                    "description too long",
                    "description",
                    b -> b.put("description", "x".repeat(4001))),
                edit(
                    "title with control characters",
                    "title",
                    b -> b.put("title", "Bad\u0000title")),
                edit(
                    "title with a right-to-left override",
                    "title",
                    b -> b.put("title", "Invoice \u202Efdp.exe")),
                edit(
                    "title with a left-to-right embedding",
                    "title",
                    b -> b.put("title", "Lease \u202Aterms\u202C")),
                edit(
                    "title with a bidi isolate",
                    "title",
                    b -> b.put("title", "Lease \u2067terms\u2069")),
                edit(
                    "title with a zero-width space",
                    "title",
                    b -> b.put("title", "Ac\u200Bme services")),
                edit(
                    "title with a right-to-left mark",
                    "title",
                    b -> b.put("title", "Acme\u200F services")),
                edit("title with a C1 control", "title", b -> b.put("title", "Acme\u0085services")),
                edit("title with a tab", "title", b -> b.put("title", "Acme\tservices")),
                edit("title with a line break", "title", b -> b.put("title", "Acme\nservices")),
                edit(
                    "description with a right-to-left override",
                    "description",
                    b -> b.put("description", "Pay \u202E0001\u202C EUR")),
                edit(
                    "description with an escape character",
                    "description",
                    b -> b.put("description", "\u001B[31mred")),
                edit(
                    "description with a byte order mark",
                    "description",
                    b -> b.put("description", "\uFEFFhidden")),
                edit("blank title", "title", b -> b.put("title", "   ")),
                edit("missing title", "title", b -> b.remove("title")),
                edit("missing value", "value", b -> b.remove("value")),
                edit("missing counterparty", "counterpartyId", b -> b.remove("counterpartyId")),
                edit("missing start date", "startDate", b -> b.remove("startDate")),
                edit("negative amount", "value.amount", b -> b.with("value").put("amount", -1)),
                edit(
                    "amount beyond 15 digits",
                    "value.amount",
                    b -> b.with("value").put("amount", new java.math.BigDecimal("1e16"))),
                edit(
                    "more decimals than the currency has",
                    "value.amount",
                    b -> b.with("value").put("amount", 100.5).put("currency", "JPY")),
                edit(
                    "unknown currency",
                    "value.currency",
                    b -> b.with("value").put("currency", "ABC")),
                edit(
                    "lower-case currency",
                    "value.currency",
                    b -> b.with("value").put("currency", "eur")),
                edit(
                    "no-currency code",
                    "value.currency",
                    b -> b.with("value").put("currency", "XXX")),
                edit(
                    "end before start",
                    "endDate",
                    b -> b.put("startDate", "2026-06-01").put("endDate", "2026-05-31")),
                edit(
                    "auto-renew without a term",
                    "renewal.renewalTermMonths",
                    b -> b.with("renewal").put("autoRenew", true).putNull("renewalTermMonths")),
                edit("auto-renew without an end", "endDate", b -> b.putNull("endDate")),
                edit(
                    "renewal term of zero months",
                    "renewal.renewalTermMonths",
                    b -> b.with("renewal").put("renewalTermMonths", 0)),
                edit(
                    "negative notice period",
                    "renewal.noticePeriodDays",
                    b -> b.with("renewal").put("noticePeriodDays", -1)),
                edit(
                    "notice period as a fraction",
                    "renewal.noticePeriodDays",
                    b -> b.with("renewal").put("noticePeriodDays", 1.5)),
                edit("tag with markup", "tags", b -> b.putArray("tags").add("<script>")),
                edit(
                    "too many tags",
                    "tags",
                    b -> {
                      var tags = b.putArray("tags");
                      for (int i = 0; i < 21; i++) {
                        tags.add("t" + i);
                      }
                    }),
                edit(
                    "unknown counterparty",
                    "counterpartyId",
                    b -> b.put("counterpartyId", "00000000-0000-0000-0000-000000000001")),
                edit("client sets the status", "status", b -> b.put("status", "ACTIVE")),
                edit("client sets the owner", "owner", b -> b.put("owner", "ravi")),
                edit(
                    "client sets the reference",
                    "reference",
                    b -> b.put("reference", "CF-1999-0001")),
                edit("client sets the version", "version", b -> b.put("version", 99))));
    return cases.stream();
  }

  @ParameterizedTest(name = "create: {0}")
  @MethodSource("badBodies")
  void createRefusesBadBodiesAndStoresNothing(BadBody bad) {
    long before = ritasContracts();

    Api.Response response =
        api.as("rita")
            .send(
                "POST",
                "/api/contracts",
                bad.make().apply(contractBody(counterparty)),
                "application/json");

    assertProblem(response, 400, bad.field());
    assertThat(ritasContracts()).isEqualTo(before);
  }

  @ParameterizedTest(name = "update: {0}")
  @MethodSource("badBodies")
  void updateRefusesBadBodiesAndChangesNothing(BadBody bad) {
    String id = existing.get("id").asText();

    Api.Response response =
        api.as("rita")
            .ifMatch("\"0\"")
            .send(
                "PUT",
                "/api/contracts/" + id,
                bad.make().apply(contractBody(counterparty)),
                "application/json");

    assertProblem(response, 400, bad.field());
    JsonNode stored = api.as("rita").get("/api/contracts/" + id).json();
    assertThat(stored.get("version").asLong()).isZero();
    assertThat(stored.get("title").asText()).isEqualTo(existing.get("title").asText());
    assertThat(stored.get("status").asText()).isEqualTo("DRAFT");
  }

  @Test
  void anOversizedBodyIs413() {
    ObjectNode body = contractBody(counterparty).put("description", "x".repeat(300_000));
    long before = ritasContracts();

    assertProblem(api.as("rita").post("/api/contracts", body), 413, null);
    assertThat(ritasContracts()).isEqualTo(before);
  }

  @Test
  void aChunkedOversizedBodyIs413() {
    String big = contractBody(counterparty).put("description", "x".repeat(300_000)).toString();
    Api.Response response =
        api.as("rita").chunked().send("POST", "/api/contracts", big, "application/json");
    assertProblem(response, 413, null);
  }

  @Test
  void anotherMediaTypeIs415() {
    assertProblem(
        api.as("rita")
            .send("POST", "/api/contracts", contractBody(counterparty).toString(), "text/plain"),
        415,
        null);
    assertProblem(
        api.as("rita").send("POST", "/api/contracts", "<contract/>", "application/xml"), 415, null);
  }

  @Test
  void badPathVariablesAndUnknownRoutes() {
    assertProblem(api.as("rita").get("/api/contracts/not-a-uuid"), 400, "id");
    assertProblem(
        api.as("rita")
            .delete("/api/contracts/" + existing.get("id").asText() + "/shares/PERSON/ravi"),
        400,
        "principalType");
    assertProblem(api.as("rita").get("/api/nothing-here"), 404, null);
    assertProblem(api.as("rita").delete("/api/contracts"), 405, null);
  }

  @ParameterizedTest(name = "list with {0}")
  @ValueSource(
      strings = {
        "page=-1|page",
        "size=0|size",
        "size=101|size",
        "size=many|size",
        "status=FROZEN|status",
        "type=HANDSHAKE|type",
        "startFrom=2026-99-01|startFrom",
        "valueMin=-5|valueMin",
        "valueMax=lots|valueMax",
        "currency=ABC|currency",
        "sort=password|sort",
        "sort=title,sideways|sort",
        "counterpartyId=acme|counterpartyId",
        "startFrom=2026-05-01&startTo=2026-04-01|startTo",
        "endFrom=2027-01-02&endTo=2027-01-01|endTo",
        "valueMin=10&valueMax=1|valueMax",
        "q=%s|q",
        "owner=%s|owner",
        "page=21474837&size=100|page",
        "page=2147483647&size=1|page",
        "page=2147483647|page"
      })
  void badListParametersAre400(String spec) {
    String[] parts = spec.split("\\|");
    String query = parts[0].replace("%s", "x".repeat(300));
    assertProblem(api.as("rita").get("/api/contracts?" + query), 400, parts[1]);
  }

  @ParameterizedTest(name = "counterparty: {0}")
  @ValueSource(
      strings = {
        "{\"name\":\"\",\"contactEmail\":\"a@example.com\"}|name",
        "{\"name\":\"Ok\",\"contactEmail\":\"not-an-email\"}|contactEmail",
        "{\"name\":\"Ok\"}|contactEmail",
        "{\"name\":\"Ok\",\"contactEmail\":\"a@example.com\",\"id\":\"x\"}|id",
        "{\"name\":\"Acme \\u202Egnp.exe\",\"contactEmail\":\"a@example.com\"}|name",
        "{\"name\":\"Ac\\u200Bme\",\"contactEmail\":\"a@example.com\"}|name",
        "{\"name\":\"Acme\\u0007\",\"contactEmail\":\"a@example.com\"}|name",
        "{\"name\":\"Acme\",\"contactName\":\"Jo\\u2066hn\",\"contactEmail\":\"a@example.com\"}|contactName"
      })
  void badCounterpartiesAre400(String spec) {
    String[] parts = spec.split("\\|");
    assertProblem(
        api.as("rita").send("POST", "/api/counterparties", parts[0], "application/json"),
        400,
        parts[1]);
  }

  @Test
  void textInAnyScriptAndLineBreaksInADescriptionAreAccepted() {
    ObjectNode body =
        contractBody(counterparty)
            .put(
                "title",
                unique(
                    "Contrat de services \u05D7\u05D5\u05D6\u05D4 \u0639\u0642\u062F \u5951\u7D04 \uD83D\uDCC4"))
            .put("description", "Scope:\n\t1. Hosting\r\n\t2. Support");
    Api.Response created = api.as("rita").post("/api/contracts", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("title").asText()).isEqualTo(body.get("title").asText());
    assertThat(created.json().get("description").asText())
        .isEqualTo(body.get("description").asText());
  }

  private long ritasContracts() {
    return api.as("rita")
        .get("/api/contracts?owner=rita&size=1")
        .json()
        .get("page")
        .get("totalElements")
        .asLong();
  }

  private static void assertProblem(Api.Response response, int status, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType())
        .as(response.toString())
        .startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).startsWith("urn:contractflow:problem:");
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    if (field != null) {
      assertThat(problem.get("errors")).as(response.toString()).isNotNull();
      List<String> fields = new ArrayList<>();
      problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
      assertThat(fields).as(response.toString()).anySatisfy(f -> assertThat(f).startsWith(field));
    }
  }
}

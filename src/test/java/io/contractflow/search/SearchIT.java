package io.contractflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Search over HTTP against the in-process OpenSearch node: documents findable after upload, access
 * inside hits, highlights and facets, filters, sorting and paging, bad queries, and a rebuild that
 * changes nothing.
 */
class SearchIT extends IntegrationTest {

  private static final Duration CATCH_UP = Duration.ofSeconds(60);

  @Test
  void aContractIsFoundByAPhraseFromItsDocumentSoonAfterTheUpload() {
    String word = word();
    JsonNode contract = createContract("rita");
    String id = contract.get("id").asText();
    Api.Response upload =
        api.as("rita")
            .upload(
                "/api/contracts/" + id + "/documents",
                "terms.pdf",
                "application/pdf",
                TestPdf.of(
                    "Clause 7. The supplier shall keep the "
                        + word
                        + " escrow account funded at all times.",
                    "Clause 8. Either party may terminate for convenience on ninety days notice."));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);

    String phrase = "\"keep the " + word + " escrow account\"";
    JsonNode result = awaitHits("rita", "q=" + enc(phrase), 1);
    JsonNode hit = result.get("hits").get(0);
    assertThat(hit.get("id").asText()).isEqualTo(id);
    assertThat(hit.get("documentVersion").asInt()).isEqualTo(1);
    assertThat(hit.get("highlights").get("documentText").get(0).asText())
        .contains("<em>" + word + "</em>")
        .contains("escrow");
    // the words in another order are not the phrase
    assertThat(search("rita", "q=" + enc("\"escrow " + word + "\"")).get("total").asLong())
        .isZero();
  }

  @Test
  void newVersionsAnEarlierVersionMadeCurrentACancellationAndARenamedCounterpartyReachTheIndex() {
    String first = word();
    String second = word();
    String counterparty = createCounterparty("rita");
    String id = createContract("rita", contractBody(counterparty)).get("id").asText();
    upload(id, "v1.pdf", "The first draft mentions " + first + " once.");
    awaitHits("rita", "q=" + first, 1);
    upload(id, "v2.pdf", "The second draft mentions " + second + " instead.");
    awaitHits("rita", "q=" + second, 1);
    awaitHits("rita", "q=" + first, 0);

    Api.Response current =
        api.as("rita")
            .put(
                "/api/contracts/" + id + "/documents/current",
                JSON.createObjectNode().put("version", 1));
    assertThat(current.status()).as(current.toString()).isEqualTo(200);
    assertThat(awaitHits("rita", "q=" + first, 1).get("hits").get(0).get("documentVersion").asInt())
        .isEqualTo(1);

    assertThat(api.as("rita").post("/api/contracts/" + id + "/cancel", null).status())
        .isEqualTo(200);
    awaitHits("rita", "q=" + first + "&status=CANCELLED", 1);

    String renamed = "Renamed " + word();
    Api.Response before = api.as("rita").get("/api/counterparties/" + counterparty);
    Api.Response rename =
        api.as("rita")
            .ifMatch(before.etag())
            .put(
                "/api/counterparties/" + counterparty,
                JSON.createObjectNode()
                    .put("name", renamed)
                    .put("contactEmail", "legal@example.com"));
    assertThat(rename.status()).as(rename.toString()).isEqualTo(200);
    JsonNode byName = awaitHits("rita", "q=" + enc("\"" + renamed + "\""), 1);
    assertThat(byName.get("hits").get(0).get("counterparty").get("name").asText())
        .isEqualTo(renamed);
  }

  @Test
  void noHitHighlightOrFacetShowsAContractTheCallerMayNotRead() {
    String word = word();
    String ritas = searchableContract("rita", word, "SERVICES");
    String ravis = searchableContract("ravi", word, "NDA");
    String q = "q=" + enc(word);

    JsonNode asRita = awaitHits("rita", q, 1);
    assertOnly(asRita, ritas);
    assertThat(asRita.toString()).doesNotContain(ravis);
    assertFacets(asRita, "SERVICES");
    JsonNode asRavi = awaitHits("ravi", q, 1);
    assertOnly(asRavi, ravis);
    assertFacets(asRavi, "NDA");
    // others who were given nothing see nothing, not even a count
    for (String user : List.of("leo", "fiona", "sam")) {
      JsonNode none = search(user, q);
      assertThat(none.get("total").asLong()).as(user).isZero();
      assertThat(none.get("facets").get("status")).as(user).isEmpty();
      assertThat(none.get("facets").get("counterparty")).as(user).isEmpty();
    }
    // those who read everything see both
    for (String user : List.of("admin", "audrey")) {
      assertThat(ids(awaitHits(user, q, 2))).as(user).containsExactlyInAnyOrder(ritas, ravis);
    }

    // the export of the same search: every hit the caller may read, nothing else
    Api.Response ritasFile = api.as("rita").get("/api/search/contracts?format=csv&" + q);
    assertThat(ritasFile.status()).as(ritasFile.toString()).isEqualTo(200);
    assertThat(ritasFile.contentType()).startsWith("text/csv");
    assertThat(ritasFile.headers().firstValue("X-Export-Rows")).hasValue("1");
    assertThat(ritasFile.body()).contains(reference(ritas)).doesNotContain(reference(ravis));
    Api.Response all = api.as("audrey").get("/api/search/contracts?format=csv&sort=title,asc&" + q);
    assertThat(all.headers().firstValue("X-Export-Rows")).hasValue("2");
    assertThat(all.headers().firstValue("X-Export-Truncated")).hasValue("false");
    assertThat(all.body()).contains(reference(ritas), reference(ravis));
    assertThat(
            api.as("leo")
                .get("/api/search/contracts?format=xlsx&" + q)
                .headers()
                .firstValue("X-Export-Rows"))
        .hasValue("0");

    // a share to a user, then to a group, reaches search; taking it back takes the contract out
    // again
    share("rita", ritas, "USER", "ravi");
    assertThat(ids(awaitHits("ravi", q, 2))).containsExactlyInAnyOrder(ritas, ravis);
    share("rita", ritas, "GROUP", "legal-reviewer");
    assertOnly(awaitHits("leo", q, 1), ritas);
    assertThat(api.as("rita").delete("/api/contracts/" + ritas + "/shares/USER/ravi").status())
        .isEqualTo(204);
    assertOnly(awaitHits("ravi", q, 1), ravis);

    // every hit is a contract the API lets the caller read, and every such contract is a hit
    for (String user : List.of("rita", "ravi", "leo", "fiona", "erin", "sam", "admin", "audrey")) {
      Set<String> hits = ids(search(user, q));
      for (String id : List.of(ritas, ravis)) {
        boolean readable = api.as(user).get("/api/contracts/" + id).status() == 200;
        assertThat(hits.contains(id))
            .as(user + " reads " + id + ": " + readable)
            .isEqualTo(readable);
      }
    }
  }

  @Test
  void filtersFacetsSortingAndDeepPaging() {
    String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
    String counterparty = createCounterparty("rita");
    LocalDate today = today();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ObjectNode body = contractBody(counterparty);
      body.put("type", i % 2 == 0 ? "SERVICES" : "NDA");
      body.putObject("value").put("amount", 1000 * (i + 1)).put("currency", "EUR");
      body.put("startDate", today.minusYears(1).toString());
      body.put("endDate", today.plusDays(10L + 100L * i).toString());
      body.putArray("tags").add(tag);
      created.add(createContract("rita", body).get("id").asText());
    }
    String base = "tag=" + tag;
    JsonNode all = awaitHits("rita", base, 5);
    assertThat(facet(all, "type", "SERVICES")).isEqualTo(3);
    assertThat(facet(all, "type", "NDA")).isEqualTo(2);
    assertThat(facet(all, "status", "DRAFT")).isEqualTo(5);
    assertThat(all.get("facets").get("counterparty").get(0).get("value").asText())
        .isEqualTo(counterparty);
    assertThat(all.get("facets").get("counterparty").get(0).get("count").asLong()).isEqualTo(5);
    assertThat(all.get("facets").get("counterparty").get(0).get("name").asText())
        .startsWith("Counterparty");

    assertThat(ids(search("rita", base + "&type=NDA")))
        .containsExactlyInAnyOrder(created.get(1), created.get(3));
    assertThat(ids(search("rita", base + "&valueMin=2000&valueMax=4000")))
        .containsExactlyInAnyOrder(created.get(1), created.get(2), created.get(3));
    assertThat(ids(search("rita", base + "&expiringWithinDays=60")))
        .containsExactly(created.get(0));
    assertThat(
            ids(
                search(
                    "rita",
                    base + "&endFrom=" + today.plusDays(200) + "&endTo=" + today.plusDays(400))))
        .containsExactlyInAnyOrder(created.get(2), created.get(3));
    assertThat(
            ids(
                search(
                    "rita", base + "&counterpartyId=" + counterparty + "&owner=rita&status=DRAFT")))
        .hasSize(5);
    assertThat(search("rita", base + "&status=ACTIVE").get("total").asLong()).isZero();
    assertThat(search("rita", base + "&tag=not-" + tag).get("total").asLong()).isZero();

    JsonNode byValue = search("rita", base + "&sort=value,desc");
    assertThat(order(byValue))
        .containsExactly(
            created.get(4), created.get(3), created.get(2), created.get(1), created.get(0));

    // search_after: pages of 2 walk the same order with neither gaps nor repeats
    List<String> walked = new ArrayList<>();
    String after = null;
    for (int pageNo = 0; pageNo < 5; pageNo++) {
      JsonNode page =
          search(
              "rita", base + "&sort=endDate,asc&size=2" + (after == null ? "" : "&after=" + after));
      walked.addAll(order(page));
      after = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      if (after == null) {
        break;
      }
    }
    assertThat(walked).containsExactlyElementsOf(created);
    // page numbers too
    assertThat(order(search("rita", base + "&sort=endDate,asc&size=2&page=2")))
        .containsExactly(created.get(4));
  }

  @Test
  void badQueriesAreProblemsNotErrors() {
    assertProblem(search400("q=" + enc("title:(unclosed")), "invalid-query");
    assertProblem(search400("q=" + enc("*leading")), "invalid-query");
    assertProblem(search400("q=" + enc("x".repeat(501))), "query-too-large");
    assertProblem(search400("q=" + enc("a* b* c* d* e* f*")), "query-too-large");
    assertProblem(search400("q=" + enc("/a.*/ /b.*/ /c.*/ /d.*/ /e.*/ /f.*/")), "query-too-large");
    assertProblem(search400("size=101"), "validation");
    assertProblem(search400("size=0"), "validation");
    assertProblem(search400("page=-1"), "validation");
    assertProblem(search400("page=100&size=100"), "validation");
    assertProblem(search400("sort=documentText,asc"), "validation");
    assertProblem(search400("format=pdf"), "validation");
    assertProblem(search400("sort=value,sideways"), "validation");
    assertProblem(search400("after=not-a-cursor"), "validation");
    assertProblem(search400("after=WzFd"), "validation");
    assertProblem(search400("status=PENDING"), "validation");
    assertProblem(search400("valueMin=5&valueMax=1"), "validation");
    assertProblem(search400("expiringWithinDays=-1"), "validation");
    assertProblem(search400("endFrom=yesterday"), "validation");
    // bounded expansion: a wildcard and a regex that match many words still answer
    assertThat(api.as("rita").get("/api/search/contracts?q=" + enc("s* /.*a.*/")).status())
        .isEqualTo(200);
    assertThat(api.anonymous().get("/api/search/contracts?q=x").status()).isEqualTo(401);
  }

  @Test
  void aRebuildChangesNoResultAndOnlyAdminsMayStartIt() {
    String word = word();
    searchableContract("rita", word, "SERVICES");
    searchableContract("ravi", word, "NDA");
    // a phrase only their PDFs hold: both documents' text is indexed (the description alone is
    // indexed earlier)
    awaitHits("admin", "q=" + enc("\"names " + word + " in its schedule\""), 2);
    List<String> queries =
        List.of(
            "q=" + enc(word),
            "q=" + enc(word) + "&type=NDA",
            // only this test's contracts: others' contracts may be changed by their processes while
            // this test runs
            "q=" + enc(word) + "&sort=createdAt,desc&size=50",
            "q=" + enc(word.substring(0, 8) + "*") + "&sort=title,asc",
            "q=" + enc(word + " OR nothing" + word));
    List<JsonNode> before = new ArrayList<>();
    for (String user : List.of("rita", "admin")) {
      for (String query : queries) {
        before.add(comparable(query, search(user, query)));
      }
    }

    assertThat(api.as("rita").post("/api/search/reindex", JSON.createObjectNode()).status())
        .isEqualTo(403);
    assertThat(api.as("audrey").post("/api/search/reindex", JSON.createObjectNode()).status())
        .isEqualTo(403);
    Api.Response rebuilt = api.as("admin").post("/api/search/reindex", JSON.createObjectNode());
    assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
    assertThat(rebuilt.json().get("state").asText()).isEqualTo("DONE");
    assertThat(rebuilt.json().get("indexed").asLong())
        .isEqualTo(rebuilt.json().get("total").asLong())
        .isPositive();
    assertThat(api.as("admin").get("/api/search/reindex").json().get("index").asText())
        .isEqualTo(rebuilt.json().get("index").asText());

    List<JsonNode> after = new ArrayList<>();
    for (String user : List.of("rita", "admin")) {
      for (String query : queries) {
        after.add(comparable(query, search(user, query)));
      }
    }
    assertThat(after).isEqualTo(before);
  }

  // --- helpers

  private String searchableContract(String owner, String word, String type) {
    ObjectNode body = contractBody(createCounterparty(owner));
    body.put("type", type);
    body.put("description", "Managed services with an escrow of " + word);
    String id = createContract(owner, body).get("id").asText();
    Api.Response upload =
        api.as(owner)
            .upload(
                "/api/contracts/" + id + "/documents",
                "doc.pdf",
                "application/pdf",
                TestPdf.of("This agreement names " + word + " in its schedule of services."));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    return id;
  }

  private String reference(String id) {
    return api.as("admin").get("/api/contracts/" + id).json().get("reference").asText();
  }

  private void upload(String id, String name, String text) {
    Api.Response upload =
        api.as("rita")
            .upload(
                "/api/contracts/" + id + "/documents", name, "application/pdf", TestPdf.of(text));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
  }

  private void share(String owner, String id, String type, String principal) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("principalType", type)
            .put("principalId", principal)
            .put("permission", "VIEW");
    Api.Response response = api.as(owner).put("/api/contracts/" + id + "/shares", body);
    assertThat(response.status()).as(response.toString()).isBetween(200, 201);
  }

  private JsonNode search(String user, String query) {
    Api.Response response = api.as(user).get("/api/search/contracts?" + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private Api.Response search400(String query) {
    Api.Response response = api.as("rita").get("/api/search/contracts?" + query);
    assertThat(response.status()).as(query + " → " + response).isEqualTo(400);
    return response;
  }

  private static void assertProblem(Api.Response response, String problem) {
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("type").asText())
        .as(response.toString())
        .isEqualTo("urn:contractflow:problem:" + problem);
  }

  /**
   * Waits until the search answers exactly {@code expected} hits (the index follows commits within
   * seconds).
   */
  private JsonNode awaitHits(String user, String query, int expected) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(CATCH_UP)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              last[0] = search(user, query);
              assertThat(last[0].get("total").asLong()).as(last[0].toString()).isEqualTo(expected);
            });
    return last[0];
  }

  private static void assertOnly(JsonNode result, String id) {
    assertThat(ids(result)).containsExactly(id);
    assertThat(result.get("total").asLong()).isEqualTo(1);
  }

  private static void assertFacets(JsonNode result, String type) {
    JsonNode facets = result.get("facets");
    assertThat(facets.get("type")).hasSize(1);
    assertThat(facets.get("type").get(0).get("value").asText()).isEqualTo(type);
    assertThat(facets.get("type").get(0).get("count").asLong()).isEqualTo(1);
    assertThat(facets.get("status")).hasSize(1);
    assertThat(facets.get("status").get(0).get("count").asLong()).isEqualTo(1);
    assertThat(facets.get("counterparty")).hasSize(1);
  }

  private static long facet(JsonNode result, String facet, String value) {
    for (JsonNode bucket : result.get("facets").get(facet)) {
      if (bucket.get("value").asText().equals(value)) {
        return bucket.get("count").asLong();
      }
    }
    return 0;
  }

  private static Set<String> ids(JsonNode result) {
    return new HashSet<>(order(result));
  }

  private static List<String> order(JsonNode result) {
    List<String> ids = new ArrayList<>();
    result.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }

  /**
   * The result without relevance scores, and for a relevance-sorted query with its hits in id
   * order: scores (and so the order of near ties) depend on index statistics such as deleted
   * documents, which a rebuild resets.
   */
  private static JsonNode comparable(String query, JsonNode result) {
    ObjectNode copy = result.deepCopy();
    List<JsonNode> hits = new ArrayList<>();
    copy.get("hits")
        .forEach(
            hit -> {
              ((ObjectNode) hit).remove("score");
              hits.add(hit);
            });
    if (!query.contains("sort=")) {
      hits.sort(java.util.Comparator.comparing(hit -> hit.get("id").asText()));
      copy.putArray("hits").addAll(hits);
    }
    return copy;
  }

  /** A word no other test uses, so that results are this test's own. */
  private static String word() {
    return "zq"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

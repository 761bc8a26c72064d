package io.contractflow.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.imports.ContractFiles;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Custom fields over HTTP: admins define them (others are refused), contracts hold their values,
 * checked on every write (one 400 naming every fault, nothing stored), the trail records changes,
 * search filters and counts them, the portfolio groups by a choice, and an import's CSV fills them.
 * The fields are on PARTNERSHIP contracts, which other tests do not make, and each test retires its
 * fields, so a required field never reaches another test's contracts.
 */
class CustomFieldsIT extends IntegrationTest {

  private final List<String> defined = new ArrayList<>();

  @AfterEach
  void retireFields() {
    defined.forEach(id -> api.as("admin").delete("/api/admin/custom-fields/" + id));
  }

  private static String key(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private ObjectNode field(String key, String kind, boolean required, String... choices) {
    ObjectNode body = JSON.createObjectNode();
    body.put("key", key).put("label", "Label of " + key).put("contractType", "PARTNERSHIP");
    body.put("kind", kind).put("required", required);
    if (choices.length > 0) {
      var array = body.putArray("choices");
      for (String choice : choices) {
        array.add(choice);
      }
    }
    return body;
  }

  private JsonNode define(ObjectNode body) {
    Api.Response created = api.as("admin").post("/api/admin/custom-fields", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    defined.add(created.json().get("id").asText());
    return created.json();
  }

  /**
   * A field whose key is fixed (the extractor fills {@code governing_law}): defined, or brought
   * back if an earlier run archived it.
   */
  private void defineOrRestore(ObjectNode body) {
    Api.Response created = api.as("admin").post("/api/admin/custom-fields", body);
    if (created.status() == 201) {
      defined.add(created.json().get("id").asText());
      return;
    }
    assertThat(created.status()).as(created.toString()).isEqualTo(409);
    for (JsonNode field : api.as("admin").get("/api/admin/custom-fields").json()) {
      if (field.get("key").asText().equals(body.get("key").asText())) {
        String id = field.get("id").asText();
        Api.Response restored =
            api.as("admin")
                .put("/api/admin/custom-fields/" + id, body.deepCopy().put("archived", false));
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        defined.add(id);
      }
    }
  }

  private ObjectNode partnership(String owner, ObjectNode customFields) {
    ObjectNode body = contractBody(createCounterparty(owner));
    body.put("type", "PARTNERSHIP");
    if (customFields != null) {
      body.set("customFields", customFields);
    }
    return body;
  }

  private static List<String> errorFields(Api.Response response) {
    List<String> fields = new ArrayList<>();
    response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  @Test
  void onlyAdminsDefineFieldsAndEveryoneReadsThoseOfAType() {
    String risk = key("risk");
    ObjectNode body = field(risk, "CHOICE", false, "low", "high");

    for (String user : List.of("rita", "ravi", "leo", "fiona", "sam", "audrey")) {
      assertThat(api.as(user).post("/api/admin/custom-fields", body).status())
          .as(user)
          .isEqualTo(403);
      assertThat(api.as(user).get("/api/admin/custom-fields").status()).as(user).isEqualTo(403);
    }
    JsonNode created = define(body);
    String id = created.get("id").asText();
    assertThat(created.get("kind").asText()).isEqualTo("CHOICE");
    assertThat(created.get("choices").toString()).isEqualTo("[\"low\",\"high\"]");
    for (String user : List.of("rita", "audrey")) {
      assertThat(api.as(user).put("/api/admin/custom-fields/" + id, body).status()).isEqualTo(403);
      assertThat(api.as(user).delete("/api/admin/custom-fields/" + id).status()).isEqualTo(403);
      assertThat(api.as(user).get("/api/admin/custom-fields/" + id).status()).isEqualTo(403);
    }

    assertThat(api.as("rita").get("/api/custom-fields?type=PARTNERSHIP").body()).contains(risk);
    assertThat(api.as("rita").get("/api/custom-fields?type=NDA").body()).doesNotContain(risk);
    assertThat(api.anonymous().get("/api/custom-fields").status()).isEqualTo(401);

    // bad definitions: a taken key, a key of the wrong shape, a choice without choices, choices on
    // text
    assertThat(api.as("admin").post("/api/admin/custom-fields", body).status()).isEqualTo(409);
    Api.Response badKey =
        api.as("admin").post("/api/admin/custom-fields", field("Bad-Key", "TEXT", false));
    assertThat(badKey.status()).isEqualTo(400);
    assertThat(errorFields(badKey)).containsExactly("key");
    Api.Response noChoices =
        api.as("admin").post("/api/admin/custom-fields", field(key("c"), "CHOICE", false));
    assertThat(noChoices.status()).isEqualTo(400);
    assertThat(errorFields(noChoices)).containsExactly("choices");
    Api.Response textChoices =
        api.as("admin").post("/api/admin/custom-fields", field(key("t"), "TEXT", false, "a"));
    assertThat(textChoices.status()).isEqualTo(400);

    // a change: the label, not the key
    body.put("label", "Risk level");
    Api.Response changed =
        api.as("admin").ifMatch("\"0\"").put("/api/admin/custom-fields/" + id, body);
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("label").asText()).isEqualTo("Risk level");
    assertThat(
            api.as("admin").ifMatch("\"0\"").put("/api/admin/custom-fields/" + id, body).status())
        .as("stale If-Match")
        .isEqualTo(412);
    Api.Response rekeyed =
        api.as("admin").put("/api/admin/custom-fields/" + id, body.deepCopy().put("key", "other"));
    assertThat(rekeyed.status()).isEqualTo(400);

    // no contract holds a value: deleted for good
    assertThat(api.as("admin").delete("/api/admin/custom-fields/" + id).status()).isEqualTo(204);
    assertThat(api.as("admin").get("/api/admin/custom-fields/" + id).status()).isEqualTo(404);
    defined.remove(id);
  }

  @Test
  void valuesAreCheckedOnEveryWriteAndTheTrailRecordsTheirChanges() {
    String note = key("note");
    String seats = key("seats");
    String fee = key("fee");
    String golive = key("golive");
    String tier = key("tier");
    String partner = key("partner");
    define(field(note, "TEXT", false));
    define(field(seats, "NUMBER", false));
    define(field(fee, "MONEY", false));
    define(field(golive, "DATE", false));
    String tierId = define(field(tier, "CHOICE", true, "gold", "silver")).get("id").asText();
    define(field(partner, "PARTY", false));
    String partnerId = createCounterparty("rita");

    // the required choice is missing
    Api.Response missing = api.as("rita").post("/api/contracts", partnership("rita", null));
    assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
    assertThat(errorFields(missing)).containsExactly("customFields." + tier);

    // every kind wrong, and a key the type has not: one 400 naming each, nothing stored
    ObjectNode wrong = JSON.createObjectNode();
    wrong.put(note, 12).put(seats, "many").put(golive, "next week").put(tier, "bronze");
    wrong.putObject(fee).put("amount", 10.005).put("currency", "EUR");
    wrong.put(partner, UUID.randomUUID().toString()).put("no_such_field", "x");
    ObjectNode wrongBody = partnership("rita", wrong);
    String title = wrongBody.get("title").asText();
    Api.Response refused = api.as("rita").post("/api/contracts", wrongBody);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).contains("application/problem+json");
    assertThat(errorFields(refused))
        .containsExactlyInAnyOrder(
            "customFields." + note,
            "customFields." + seats,
            "customFields." + fee,
            "customFields." + golive,
            "customFields." + tier,
            "customFields." + partner,
            "customFields.no_such_field");
    assertThat(
            api.as("rita")
                .get("/api/contracts?q=" + title.replace(" ", "%20"))
                .json()
                .get("content"))
        .as("nothing stored")
        .isEmpty();

    // right: stored in their canonical form
    ObjectNode right = JSON.createObjectNode();
    right.put(note, " first partnership ").put(seats, 12.5).put(golive, "2030-02-01");
    right.put(tier, "GOLD").put(partner, partnerId);
    right.putObject(fee).put("amount", 1200.5).put("currency", "eur");
    Api.Response created = api.as("rita").post("/api/contracts", partnership("rita", right));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode values = created.json().get("customFields");
    assertThat(values.get(note).asText()).isEqualTo("first partnership");
    assertThat(values.get(seats).decimalValue()).isEqualByComparingTo("12.5");
    assertThat(created.body()).contains("\"amount\":1200.50");
    assertThat(values.get(fee).get("currency").asText()).isEqualTo("EUR");
    assertThat(values.get(golive).asText()).isEqualTo("2030-02-01");
    assertThat(values.get(tier).asText()).isEqualTo("gold");
    assertThat(values.get(partner).asText()).isEqualTo(partnerId);
    String id = created.json().get("id").asText();
    JsonNode read = api.as("rita").get("/api/contracts/" + id).json();
    assertThat(read.get("customFields").get(fee).toString()).contains("1200.5");
    assertThat(api.as("rita").get("/api/contracts/" + id).body())
        .as("in the currency's decimals, read back from the database")
        .contains("\"amount\":1200.50");

    // an edit changes one value: the trail names it with its old and new value
    ObjectNode edit = partnership("rita", null);
    edit.put("counterpartyId", read.get("counterparty").get("id").asText());
    edit.put("title", read.get("title").asText());
    ObjectNode changed = right.deepCopy().put(tier, "silver");
    edit.set("customFields", changed);
    Api.Response updated = api.as("rita").ifMatch(created.etag()).put("/api/contracts/" + id, edit);
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().get("customFields").get(tier).asText()).isEqualTo("silver");
    String history = api.as("rita").get("/api/contracts/" + id + "/history").body();
    assertThat(history).contains("customFields." + tier).contains("silver");
    assertThat(history).doesNotContain("customFields." + fee);

    // left out on an update, the values stay
    ObjectNode without = edit.deepCopy();
    without.remove("customFields");
    without.put("description", "Changed without its custom fields");
    Api.Response kept = api.as("rita").ifMatch(updated.etag()).put("/api/contracts/" + id, without);
    assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
    assertThat(kept.json().get("customFields").get(tier).asText()).isEqualTo("silver");

    // a field a contract holds a value of is archived, not deleted; its value stays readable
    Api.Response retired = api.as("admin").delete("/api/admin/custom-fields/" + tierId);
    assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
    assertThat(retired.json().get("archived").asBoolean()).isTrue();
    assertThat(api.as("rita").get("/api/custom-fields?type=PARTNERSHIP").body())
        .doesNotContain(tier);
    assertThat(api.as("rita").get("/api/contracts/" + id).json().get("customFields").get(tier))
        .isNotNull();
    // its kind cannot change while values exist
    ObjectNode rekind = field(tier, "TEXT", false);
    assertThat(api.as("admin").put("/api/admin/custom-fields/" + tierId, rekind).status())
        .isEqualTo(409);
  }

  @Test
  void searchFiltersByAChoiceAndCountsChoicesAndParties() {
    String level = key("level");
    String partner = key("partner");
    define(field(level, "CHOICE", false, "High", "Low"));
    define(field(partner, "PARTY", false));
    String word = "cfword" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String partnerId = createCounterparty("rita");
    String partnerName =
        api.as("rita").get("/api/counterparties/" + partnerId).json().get("name").asText();

    ObjectNode high = JSON.createObjectNode().put(level, "high").put(partner, partnerId);
    ObjectNode highBody = partnership("rita", high);
    highBody.put("description", "Joint venture " + word);
    String highId = createContract("rita", highBody).get("id").asText();
    ObjectNode lowBody = partnership("rita", JSON.createObjectNode().put(level, "Low"));
    lowBody.put("description", "Joint venture " + word);
    createContract("rita", lowBody);

    JsonNode all = awaitHits("rita", "q=" + word + "&type=PARTNERSHIP", 2);
    JsonNode facet = all.get("facets").get("cf." + level);
    assertThat(facet).as(all.toString()).isNotNull();
    Map<String, Long> counts = new HashMap<>();
    facet.forEach(f -> counts.put(f.get("value").asText(), f.get("count").asLong()));
    assertThat(counts).containsEntry("High", 1L).containsEntry("Low", 1L);
    JsonNode parties = all.get("facets").get("cf." + partner);
    assertThat(parties.get(0).get("value").asText()).isEqualTo(partnerId);
    assertThat(parties.get(0).get("name").asText()).isEqualTo(partnerName);

    JsonNode filtered = search("rita", "q=" + word + "&cf." + level + "=HIGH");
    assertThat(filtered.get("total").asLong()).as(filtered.toString()).isEqualTo(1);
    assertThat(filtered.get("hits").get(0).get("id").asText()).isEqualTo(highId);
    assertThat(
            search("rita", "q=" + word + "&cf." + partner + "=" + partnerId).get("total").asLong())
        .isEqualTo(1);
    // the hits carry their values, and the search's export has a column cf.<key> of each
    assertThat(filtered.get("hits").get(0).get("customFields").get(level).asText())
        .isEqualTo("High");
    List<String> lines =
        api.as("rita").get("/api/search/contracts?format=csv&q=" + word).body().lines().toList();
    assertThat(lines.get(0)).endsWith(",Tags,cf." + level + ",cf." + partner);
    assertThat(lines)
        .hasSize(3)
        .anyMatch(l -> l.endsWith(",High," + partnerId))
        .anyMatch(l -> l.endsWith(",Low,"));
    // another caller sees neither hits nor counts of rita's contracts
    assertThat(search("ravi", "q=" + word + "&cf." + level + "=High").get("total").asLong())
        .isZero();

    Api.Response unknown = api.as("rita").get("/api/search/contracts?cf.no_such_field=1");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    assertThat(errorFields(unknown)).containsExactly("cf.no_such_field");
    Api.Response badChoice = api.as("rita").get("/api/search/contracts?cf." + level + "=Medium");
    assertThat(badChoice.status()).isEqualTo(400);

    // the portfolio by the choice, over what the caller may read
    Api.Response portfolio = api.as("rita").get("/api/reports/portfolio?groupBy=cf." + level);
    assertThat(portfolio.status()).as(portfolio.toString()).isEqualTo(200);
    Map<String, Long> byLevel = new HashMap<>();
    portfolio
        .json()
        .get("table")
        .get("rows")
        .forEach(
            row -> {
              if (row.get(0).asText().equals("cf." + level)) {
                byLevel.put(row.get(1).asText(), row.get(2).asLong());
              }
            });
    assertThat(byLevel).containsEntry("High", 1L).containsEntry("Low", 1L);
    assertThat(api.as("ravi").get("/api/reports/portfolio?groupBy=cf." + level).body())
        .doesNotContain("\"High\"");
    assertThat(api.as("rita").get("/api/reports/portfolio?groupBy=cf." + partner).status())
        .as("a party is no choice")
        .isEqualTo(400);
    assertThat(api.as("rita").get("/api/reports/portfolio?groupBy=type").status()).isEqualTo(400);
  }

  @Test
  void anImportsCsvFillsTheCustomFieldsAndABadValueRefusesThatFileOnly() {
    String level = key("level");
    String budget = key("budget");
    define(field(level, "CHOICE", false, "High", "Low"));
    define(field(budget, "MONEY", false));
    defineOrRestore(field("governing_law", "TEXT", false));
    String tag = UUID.randomUUID().toString().substring(0, 8);
    var entries = ContractFiles.entries();
    entries.put(
        "good.pdf",
        ContractFiles.pdf(
            "Partnership agreement " + tag,
            "This Agreement shall be governed by the laws of England and Wales.",
            "Signed."));
    entries.put("bad.pdf", ContractFiles.pdf("Another partnership " + tag, "Signed too."));
    String csv =
        "file,title,type,cf."
            + level
            + ",cf."
            + budget
            + "\n"
            + "good.pdf,Good "
            + tag
            + ",PARTNERSHIP,high,\"2,500.00 EUR\"\n"
            + "bad.pdf,Bad "
            + tag
            + ",PARTNERSHIP,purple,\n";
    Api.Response started =
        api.as("rita")
            .multipart(
                "/api/imports",
                List.of(
                    new Api.Part(
                        "archive", "folder.zip", "application/zip", ContractFiles.zip(entries)),
                    new Api.Part(
                        "facts", "facts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String importId = started.json().get("id").asText();
    JsonNode done =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> api.as("rita").get("/api/imports/" + importId).json(),
                view -> view.get("done").asInt() == view.get("total").asInt());
    Map<String, JsonNode> files = new HashMap<>();
    done.get("files").forEach(f -> files.put(f.get("fileName").asText(), f));

    assertThat(files.get("bad.pdf").get("status").asText()).isEqualTo("FAILED");
    assertThat(files.get("bad.pdf").get("failure").asText()).contains("customFields." + level);
    JsonNode good = files.get("good.pdf");
    assertThat(good.get("status").asText()).as(done.toString()).isEqualTo("AWAITING_VERIFICATION");
    JsonNode contract =
        api.as("rita").get("/api/contracts/" + good.get("contractId").asText()).json();
    assertThat(contract.get("customFields").get(level).asText()).isEqualTo("High");
    assertThat(contract.get("customFields").path("governing_law").asText())
        .as("found by the extractor: " + contract.get("customFields"))
        .isEqualTo("England and Wales");
    assertThat(contract.get("customFields").get(budget).get("currency").asText()).isEqualTo("EUR");
    assertThat(api.as("rita").get("/api/contracts/" + good.get("contractId").asText()).body())
        .contains("\"amount\":2500.00");

    // a column that is no custom field's key is refused with the CSV
    String badCsv = "file,cf.Not-A-Key\ngood.pdf,x\n";
    Api.Response refused =
        api.as("rita")
            .multipart(
                "/api/imports",
                List.of(
                    new Api.Part(
                        "archive", "folder.zip", "application/zip", ContractFiles.zip(entries)),
                    new Api.Part(
                        "facts",
                        "facts.csv",
                        "text/csv",
                        badCsv.getBytes(StandardCharsets.UTF_8))));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
  }

  private JsonNode search(String user, String query) {
    Api.Response response = api.as(user).get("/api/search/contracts?" + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private JsonNode awaitHits(String user, String query, long hits) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> search(user, query), r -> r.get("total").asLong() == hits);
  }
}

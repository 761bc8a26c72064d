package io.contractflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contract API end to end over HTTP: create, read, update with ETags, cancel, list, and the
 * lifecycle behind.
 */
class ContractApiIT extends IntegrationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @Test
  void createsADraftOwnedByTheCallerWithAReferenceAndStartsItsLifecycle() {
    String counterparty = createCounterparty("rita");
    Api.Response created = api.as("rita").post("/api/contracts", contractBody(counterparty));

    assertThat(created.status()).isEqualTo(201);
    JsonNode contract = created.json();
    String id = contract.get("id").asText();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/contracts/" + id);
    assertThat(created.etag()).isEqualTo("\"0\"");
    assertThat(contract.get("reference").asText())
        .matches("CF-" + Year.now(clock).getValue() + "-\\d{4,}");
    assertThat(contract.get("status").asText()).isEqualTo("DRAFT");
    assertThat(contract.get("owner").asText()).isEqualTo("rita");
    assertThat(contract.get("value").get("amount").decimalValue()).isEqualByComparingTo("12000.50");
    assertThat(contract.get("value").get("currency").asText()).isEqualTo("EUR");
    assertThat(contract.get("counterparty").get("id").asText()).isEqualTo(counterparty);
    assertThat(contract.get("renewal").get("noticePeriodDays").asInt()).isEqualTo(30);
    assertThat(contract.get("tags")).extracting(JsonNode::asText).containsExactly("it", "services");
    assertThat(contract.get("createdAt").asText()).isNotBlank();

    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("contract-lifecycle")
                .processInstanceBusinessKey(id)
                .active()
                .count())
        .isEqualTo(1);

    Api.Response read = api.as("rita").get("/api/contracts/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.etag()).isEqualTo("\"0\"");
    assertThat(read.json().get("title").asText()).isEqualTo(contract.get("title").asText());
  }

  @Test
  void referencesAreUniqueAndIncreasing() {
    String counterparty = createCounterparty("rita");
    String first = createContract("rita", contractBody(counterparty)).get("reference").asText();
    String second = createContract("rita", contractBody(counterparty)).get("reference").asText();

    assertThat(number(second)).isGreaterThan(number(first));
  }

  @Test
  void concurrentCreatesEachGetTheirOwnReference() throws Exception {
    String counterparty = createCounterparty("rita");
    ExecutorService clients = Executors.newFixedThreadPool(12);
    try {
      List<Future<String>> created = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        created.add(
            clients.submit(
                () ->
                    createContract("rita", contractBody(counterparty)).get("reference").asText()));
      }
      Set<String> references = new HashSet<>();
      for (Future<String> reference : created) {
        references.add(reference.get(60, TimeUnit.SECONDS));
      }
      assertThat(references).hasSize(24).allMatch(r -> r.startsWith("CF-"));
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void updatesADraftWithTheCurrentETagAndRefusesAStaleOne() {
    JsonNode contract = createContract("rita");
    String id = contract.get("id").asText();
    ObjectNode change =
        contractBody(contract.get("counterparty").get("id").asText())
            .put("title", "Renamed agreement");

    Api.Response missing = api.as("rita").put("/api/contracts/" + id, change);
    assertThat(missing.status()).isEqualTo(428);

    Api.Response updated = api.as("rita").ifMatch("\"0\"").put("/api/contracts/" + id, change);
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.etag()).isEqualTo("\"1\"");
    assertThat(updated.json().get("title").asText()).isEqualTo("Renamed agreement");
    assertThat(updated.json().get("version").asLong()).isEqualTo(1);

    Api.Response stale =
        api.as("rita")
            .ifMatch("\"0\"")
            .put("/api/contracts/" + id, change.put("title", "Lost update"));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");

    JsonNode stored = api.as("rita").get("/api/contracts/" + id).json();
    assertThat(stored.get("title").asText()).isEqualTo("Renamed agreement");
    assertThat(stored.get("version").asLong()).isEqualTo(1);
  }

  @Test
  void cancellingADraftEndsItsLifecycleAndFreezesIt() {
    JsonNode contract = createContract("rita");
    String id = contract.get("id").asText();

    Api.Response cancelled = api.as("rita").post("/api/contracts/" + id + "/cancel", null);
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");

    // the lifecycle withdraws open signing links in an asynchronous step, then ends
    HistoricProcessInstance lifecycle =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    historyService
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey("contract-lifecycle")
                        .processInstanceBusinessKey(id)
                        .singleResult(),
                instance -> "COMPLETED".equals(instance.getState()));
    assertThat(lifecycle.getEndActivityId()).isEqualTo("Activity_Cancellation");

    Api.Response edit =
        api.as("rita")
            .ifMatch(cancelled.etag())
            .put(
                "/api/contracts/" + id,
                contractBody(contract.get("counterparty").get("id").asText()));
    assertThat(edit.status()).isEqualTo(409);
    Api.Response again = api.as("rita").post("/api/contracts/" + id + "/cancel", null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(api.as("rita").get("/api/contracts/" + id).json().get("status").asText())
        .isEqualTo("CANCELLED");
  }

  @Test
  void cancelChecksIfMatchWhenSent() {
    String id = createContract("rita").get("id").asText();

    assertThat(
            api.as("rita").ifMatch("\"7\"").post("/api/contracts/" + id + "/cancel", null).status())
        .isEqualTo(412);
    assertThat(api.as("rita").get("/api/contracts/" + id).json().get("status").asText())
        .isEqualTo("DRAFT");
  }

  @Test
  void listsWithFiltersPagingAndSorting() {
    String counterparty = createCounterparty("ravi");
    String tag = "batch-" + Long.toHexString(System.nanoTime());
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      ObjectNode body = contractBody(counterparty);
      body.put("type", i % 2 == 0 ? "NDA" : "SERVICES");
      body.putObject("value").put("amount", i * 1000).put("currency", i == 5 ? "USD" : "EUR");
      body.put("startDate", "2026-0" + i + "-01");
      body.put("endDate", "2027-0" + i + "-01");
      body.putArray("tags").add(tag);
      ids.add(createContract("ravi", body).get("id").asText());
    }
    api.as("ravi").post("/api/contracts/" + ids.get(0) + "/cancel", null);
    String base = "/api/contracts?tag=" + tag;

    assertThat(total(api.as("ravi").get(base))).isEqualTo(5);
    assertThat(total(api.as("ravi").get(base + "&counterpartyId=" + counterparty))).isEqualTo(5);
    assertThat(total(api.as("ravi").get(base + "&type=NDA"))).isEqualTo(2);
    assertThat(total(api.as("ravi").get(base + "&status=CANCELLED"))).isEqualTo(1);
    assertThat(total(api.as("ravi").get(base + "&status=DRAFT&status=CANCELLED"))).isEqualTo(5);
    assertThat(total(api.as("ravi").get(base + "&owner=ravi"))).isEqualTo(5);
    assertThat(total(api.as("ravi").get(base + "&owner=rita"))).isZero();
    assertThat(total(api.as("ravi").get(base + "&startFrom=2026-02-01&startTo=2026-04-01")))
        .isEqualTo(3);
    assertThat(total(api.as("ravi").get(base + "&endFrom=2027-04-01"))).isEqualTo(2);
    assertThat(total(api.as("ravi").get(base + "&endTo=2027-01-31"))).isEqualTo(1);
    assertThat(total(api.as("ravi").get(base + "&valueMin=2000&valueMax=4000"))).isEqualTo(3);
    assertThat(total(api.as("ravi").get(base + "&currency=USD"))).isEqualTo(1);

    Api.Response firstPage = api.as("ravi").get(base + "&size=2&page=0&sort=value,desc");
    assertThat(firstPage.json().get("page").get("totalPages").asInt()).isEqualTo(3);
    assertThat(amounts(firstPage)).containsExactly(5000.0, 4000.0);
    assertThat(amounts(api.as("ravi").get(base + "&size=2&page=2&sort=value,desc")))
        .containsExactly(1000.0);
    assertThat(amounts(api.as("ravi").get(base + "&size=3&sort=value,asc")))
        .containsExactly(1000.0, 2000.0, 3000.0);

    JsonNode byText =
        api.as("ravi")
            .get(
                "/api/contracts?q="
                    + api.as("ravi")
                        .get("/api/contracts/" + ids.get(2))
                        .json()
                        .get("reference")
                        .asText())
            .json();
    assertThat(byText.get("content"))
        .extracting(c -> c.get("id").asText())
        .containsExactly(ids.get(2));
  }

  private static long total(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("page").get("totalElements").asLong();
  }

  private static List<Double> amounts(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<Double> amounts = new ArrayList<>();
    response
        .json()
        .get("content")
        .forEach(c -> amounts.add(c.get("value").get("amount").asDouble()));
    return amounts;
  }

  private static int number(String reference) {
    return Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
  }
}

package io.contractflow.counterparty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The counterparty directory: who may maintain it, ETags, uniqueness, and removal only while
 * unreferenced.
 */
class CounterpartyApiIT extends IntegrationTest {

  private static ObjectNode body(String name) {
    return JSON.createObjectNode()
        .put("name", name)
        .put("contactName", "Jo Legal")
        .put("contactEmail", "jo@example.com");
  }

  @Test
  void requestersAndAdminsMaintainItOthersOnlyRead() {
    String name = unique("Globex");
    Api.Response created = api.as("rita").post("/api/counterparties", body(name));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();

    for (String reader : new String[] {"leo", "fiona", "erin", "sam", "audrey", "ravi"}) {
      assertThat(api.as(reader).get("/api/counterparties/" + id).status()).isEqualTo(200);
    }
    for (String nonWriter : new String[] {"leo", "fiona", "erin", "sam", "audrey"}) {
      assertThat(api.as(nonWriter).post("/api/counterparties", body(unique("X"))).status())
          .isEqualTo(403);
      assertThat(
              api.as(nonWriter)
                  .ifMatch("\"0\"")
                  .put("/api/counterparties/" + id, body(name))
                  .status())
          .isEqualTo(403);
    }
    assertThat(api.as("admin").post("/api/counterparties", body(unique("Initech"))).status())
        .isEqualTo(201);
  }

  @Test
  void updatesNeedTheCurrentETagAndNamesStayUnique() {
    String taken = unique("Umbrella");
    api.as("rita").post("/api/counterparties", body(taken));
    Api.Response created = api.as("rita").post("/api/counterparties", body(unique("Hooli")));
    String id = created.json().get("id").asText();

    assertThat(api.as("rita").post("/api/counterparties", body(taken.toUpperCase())).status())
        .isEqualTo(409);
    assertThat(api.as("rita").put("/api/counterparties/" + id, body(unique("New"))).status())
        .isEqualTo(428);
    assertThat(
            api.as("rita")
                .ifMatch("\"3\"")
                .put("/api/counterparties/" + id, body(unique("New")))
                .status())
        .isEqualTo(412);
    assertThat(
            api.as("rita")
                .ifMatch(created.etag())
                .put("/api/counterparties/" + id, body(taken))
                .status())
        .isEqualTo(409);
    Api.Response renamed =
        api.as("rita")
            .ifMatch(created.etag())
            .put("/api/counterparties/" + id, body("Hooli Renamed " + id));
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.etag()).isEqualTo("\"1\"");
  }

  @Test
  void onlyAdminsRemoveAndOnlyWhatNoContractNames() {
    String unused = createCounterparty("rita");
    String used = createCounterparty("rita");
    createContract("rita", contractBody(used));

    assertThat(api.as("rita").delete("/api/counterparties/" + unused).status()).isEqualTo(403);
    assertThat(api.as("admin").delete("/api/counterparties/" + used).status()).isEqualTo(409);
    assertThat(api.as("admin").get("/api/counterparties/" + used).status()).isEqualTo(200);
    assertThat(api.as("admin").delete("/api/counterparties/" + unused).status()).isEqualTo(204);
    assertThat(api.as("admin").get("/api/counterparties/" + unused).status()).isEqualTo(404);
  }

  @Test
  void listsByNameWithPaging() {
    String marker = Long.toHexString(System.nanoTime());
    for (int i = 0; i < 3; i++) {
      api.as("rita").post("/api/counterparties", body("Findme " + marker + " " + i));
    }
    Api.Response page =
        api.as("sam").get("/api/counterparties?name=findme+" + marker + "&size=2&sort=name,desc");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().get("page").get("totalElements").asInt()).isEqualTo(3);
    assertThat(page.json().get("content").get(0).get("name").asText()).endsWith(" 2");
  }
}

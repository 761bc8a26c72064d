package io.contractflow.savedview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Saved views are their owner's alone: listed, named once, deleted by her only. */
class SavedViewsIT extends IntegrationTest {

  @Test
  void aRequesterSavesListsAndDeletesHerViewsAndNobodyElseSeesThem() {
    String name = "Ending soon " + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode view =
        JSON.createObjectNode()
            .put("list", "contracts")
            .put("name", name)
            .put("query", "status=ACTIVE&endTo=2027-01-31&sort=endDate,asc");

    Api.Response saved = api.as("rita").post("/api/saved-views", view);
    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
    String id = saved.json().get("id").asText();
    assertThat(saved.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/saved-views/" + id);

    assertThat(ids("rita", "/api/saved-views?list=contracts")).contains(id);
    assertThat(ids("rita", "/api/saved-views")).contains(id);
    assertThat(ids("ravi", "/api/saved-views")).doesNotContain(id);
    assertThat(ids("admin", "/api/saved-views")).doesNotContain(id);

    Api.Response twice = api.as("rita").post("/api/saved-views", view);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("detail").asText()).contains(name);

    assertThat(api.as("ravi").delete("/api/saved-views/" + id).status()).isEqualTo(404);
    assertThat(api.as("rita").delete("/api/saved-views/" + id).status()).isEqualTo(204);
    assertThat(ids("rita", "/api/saved-views")).doesNotContain(id);
  }

  private List<String> ids(String user, String path) {
    Api.Response listed = api.as(user).get(path);
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    return listed.json().findValuesAsText("id");
  }

  @Test
  void badViewsAreRefusedWithTheFieldsNamed() {
    ObjectNode bad =
        JSON.createObjectNode()
            .put("list", "counterparties")
            .put("name", " ")
            .put("query", "?status=<script>");
    Api.Response refused = api.as("rita").post("/api/saved-views", bad);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("errors").findValuesAsText("field"))
        .contains("list", "name", "query");
    assertThat(api.anonymous().get("/api/saved-views").status()).isEqualTo(401);
    assertThat(api.as("rita").delete("/api/saved-views/not-a-uuid").status()).isEqualTo(400);
  }
}

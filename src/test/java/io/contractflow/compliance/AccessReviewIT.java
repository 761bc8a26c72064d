package io.contractflow.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The access review: who holds which role, which shares, and when each signed in; for admins and
 * auditors only.
 */
class AccessReviewIT extends IntegrationTest {

  private static final String REVIEW = "/api/admin/access-review";

  @Test
  void rolesSharesAndLastSignInsForAdminsAndAuditorsOnly() {
    String id = createContract("rita", contractBody(createCounterparty("rita"))).get("id").asText();
    String reference = api.as("rita").get("/api/contracts/" + id).json().get("reference").asText();
    Api.Response shared =
        api.as("rita")
            .put(
                "/api/contracts/" + id + "/shares",
                JSON.createObjectNode()
                    .put("principalType", "USER")
                    .put("principalId", "erin")
                    .put("permission", "EDIT"));
    assertThat(shared.status()).as(shared.toString()).isBetween(200, 201);
    assertThat(api.as("erin").get("/api/me").status()).isEqualTo(200);

    for (String user : List.of("rita", "leo", "fiona", "erin", "sam")) {
      assertThat(api.as(user).get(REVIEW).status()).as(user).isEqualTo(403);
      assertThat(api.as(user).get(REVIEW + "?format=csv").status()).as(user).isEqualTo(403);
    }
    assertThat(api.anonymous().get(REVIEW).status()).isEqualTo(401);
    assertThat(api.as("admin").get(REVIEW + "?format=pdf").status()).isEqualTo(400);

    JsonNode review = api.as("audrey").get(REVIEW).json();
    JsonNode rita = principal(review, "rita");
    assertThat(rita.get("roles")).extracting(JsonNode::asText).contains("requester");
    assertThat(rita.get("lastSignIn").isNull()).isFalse();
    JsonNode erin = principal(review, "erin");
    assertThat(erin.get("sharedContracts"))
        .extracting(JsonNode::asText)
        .contains(reference + " EDIT");
    assertThat(erin.get("lastSignInSurface").asText()).isEqualTo("http-basic");
    assertThat(principal(review, "audrey").get("roles"))
        .extracting(JsonNode::asText)
        .contains("auditor");

    Api.Response csv = api.as("admin").get(REVIEW + "?format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body()).contains("erin", reference + " EDIT", "requester");
  }

  private static JsonNode principal(JsonNode review, String user) {
    return StreamSupport.stream(review.get("principals").spliterator(), false)
        .filter(p -> p.get("type").asText().equals("USER") && p.get("id").asText().equals(user))
        .findFirst()
        .orElseThrow(() -> new AssertionError(user + " is not in the review: " + review));
  }
}

package io.contractflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.privacy.PrivacyFixture.Person;
import io.contractflow.search.SearchProperties;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.MailServer;
import io.contractflow.support.SignerMail;
import io.contractflow.support.StoreSearch;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 21's erasure: a signer (not a user) and a requester (a user) who worked on the same
 * contracts are erased; afterwards no byte of their names, addresses or user id is left in any
 * column of any table of the platform or the engine (history, variables and byte arrays included),
 * nor in the search index; every chain of their contracts still verifies; the signed contract is
 * kept and the answer says why.
 */
class ErasureIT extends IntegrationTest {

  private static final String ERASURES = "/api/admin/privacy/erasures";

  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired OpenSearchClient search;
  @Autowired SearchProperties searchProperties;

  @Test
  void noPlaintextOfAnErasedPersonRemainsAndEveryChainVerifies() throws IOException {
    Person owner = PrivacyFixture.newRequester(identity, "Pia");
    Person signer = PrivacyFixture.external("Xavier");
    Person bystander = PrivacyFixture.external("Zora");

    // a signed contract: owner's NDA, the contact signs it
    String signed =
        PrivacyFixture.nda(
            api, owner, contractBody(PrivacyFixture.counterparty(api, owner, signer)));
    PrivacyFixture.signers(api, owner, signed, signer);
    PrivacyFixture.awaitPhase(api, signed, "DRAFT", "Drafting");
    // a comment naming both: a process variable, its history and the trail
    Api.Response submitted =
        owner
            .as(api)
            .post(
                "/api/contracts/" + signed + "/submit",
                JSON.createObjectNode()
                    .put(
                        "comment",
                        "Agreed with "
                            + signer.name()
                            + " ("
                            + signer.email()
                            + "), "
                            + owner.name()));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
    PrivacyFixture.awaitPhase(api, signed, "SIGNING", "Signing");
    JsonNode signing =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> owner.as(api).get("/api/contracts/" + signed + "/signing"),
                r -> r.status() == 200)
            .json();
    assertThat(new SignerMail(MailServer.shared(), api).signOpenTurns(signing)).isEqualTo(1);
    PrivacyFixture.awaitPhase(api, signed, "ACTIVE", "Active term");

    // a draft of rita's shared with the owner, naming the signer and a bystander as signers
    String ritas = createContract("rita").get("id").asText();
    PrivacyFixture.share(api, rita(), ritas, owner.userId());
    ObjectNode plan = JSON.createObjectNode().put("mode", "PARALLEL");
    var list = plan.putArray("signers");
    list.addObject().put("name", signer.name()).put("email", signer.email()).put("order", 1);
    list.addObject().put("name", bystander.name()).put("email", bystander.email()).put("order", 1);
    assertThat(api.as("rita").put("/api/contracts/" + ritas + "/signers", plan).status())
        .isEqualTo(200);
    Api.Response view =
        owner
            .as(api)
            .post(
                "/api/saved-views",
                JSON.createObjectNode()
                    .put("list", "contracts")
                    .put("name", "Mine")
                    .put("query", "q=x"));
    assertThat(view.status()).as(view.toString()).isEqualTo(201);
    assertThat(leftovers(owner.name(), owner.email(), signer.name(), signer.email()))
        .as("the people are in the stores before")
        .isNotEmpty();

    // an anchor of every chain as it is before the erasure
    Api.Response anchored = api.as("admin").post("/api/admin/audit/anchors", null);
    assertThat(anchored.status()).as(anchored.toString()).isIn(201, 204);

    // only admins erase
    for (String user : List.of("rita", "audrey", "sam")) {
      assertThat(
              api.as(user)
                  .post(ERASURES, JSON.createObjectNode().put("email", signer.email()))
                  .status())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(
            api.as("admin").post(ERASURES, JSON.createObjectNode().put("userId", "x y")).status())
        .isEqualTo(400);

    Api.Response signerErased =
        api.as("admin").post(ERASURES, JSON.createObjectNode().put("email", signer.email()));
    assertThat(signerErased.status()).as(signerErased.toString()).isEqualTo(200);
    JsonNode kept = signerErased.json().get("kept");
    assertThat(kept.toString()).contains("documents", "retention", "audit trail");
    assertThat(signerErased.json().get("chains").get("intact").asBoolean()).isTrue();

    Api.Response ownerErased =
        api.as("admin").post(ERASURES, JSON.createObjectNode().put("userId", owner.userId()));
    assertThat(ownerErased.status()).as(ownerErased.toString()).isEqualTo(200);
    assertThat(ownerErased.json().get("removed").toString())
        .contains("saved_view", "user_sign_in", "identity user");
    String pseudonym = ownerErased.json().get("pseudonym").asText();

    List<String> terms =
        List.of(owner.name(), owner.email(), owner.userId(), signer.name(), signer.email());
    assertThat(leftovers(terms.toArray(String[]::new)))
        .as("plaintext left after erasure")
        .isEmpty();
    assertThat(leftovers(bystander.name(), bystander.email()))
        .as("the bystander was not erased")
        .isNotEmpty();

    for (String contract : List.of(signed, ritas)) {
      JsonNode history = PrivacyFixture.history(api, contract);
      assertThat(history.get("verification").get("intact").asBoolean())
          .as("chain of " + contract + ": " + history.get("verification"))
          .isTrue();
      assertThat(history.toString()).contains("PERSONAL_DATA_ERASED");
    }
    JsonNode anchors = api.as("admin").get("/api/admin/audit/anchors/verification").json();
    for (String contract : List.of(signed, ritas)) {
      assertThat(anchors.toString()).as("the anchor's findings").doesNotContain(contract);
    }
    assertThat(api.as("admin").get("/api/contracts/" + signed).json().get("owner").asText())
        .isEqualTo(pseudonym);
    assertThat(api.as("admin").get("/api/contracts/" + signed + "/documents").status())
        .isEqualTo(200);

    // the index takes the erased contracts again, from the erased database
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (String contract : List.of(signed, ritas)) {
                String source = indexed(contract).toLowerCase(Locale.ROOT);
                assertThat(source).contains(contract);
                for (String term : terms) {
                  assertThat(source).doesNotContain(term.toLowerCase(Locale.ROOT));
                }
              }
            });
  }

  private Person rita() {
    return new Person("rita", "rita", "Rita Ramos", "rita@contractflow.example");
  }

  private String indexed(String contractId) throws IOException {
    var response =
        search.get(
            g -> g.index(searchProperties.index()).id(contractId),
            com.fasterxml.jackson.databind.node.ObjectNode.class);
    return response.found() && response.source() != null ? response.source().toString() : "";
  }

  private List<String> leftovers(String... terms) {
    return new StoreSearch(jdbc).leftovers(terms);
  }
}

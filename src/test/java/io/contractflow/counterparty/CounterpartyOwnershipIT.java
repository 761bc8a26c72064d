package io.contractflow.counterparty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.signature.SigningService;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counterparties belong to whoever may correct them: the requester who added one, those the owner
 * lets edit a contract that names it, and admins. Anyone else who may read the directory gets 403
 * and changes nothing; a change is recorded on every live contract that names the counterparty; and
 * a signing request already sent keeps the address it was sent to, whatever the counterparty says
 * later.
 */
class CounterpartyOwnershipIT extends IntegrationTest {

  @Autowired SigningService signing;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  private static ObjectNode body(String name, String email) {
    return JSON.createObjectNode()
        .put("name", name)
        .put("contactName", "Jo Legal")
        .put("contactEmail", email);
  }

  private JsonNode counterparty(String id) {
    Api.Response response = api.as("admin").get("/api/counterparties/" + id);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** Puts a new contact address on the counterparty as {@code user}, with its current ETag. */
  private Api.Response changeEmail(String user, String id, String email) {
    Api.Response current = api.as("admin").get("/api/counterparties/" + id);
    return api.as(user)
        .ifMatch(current.etag())
        .put("/api/counterparties/" + id, body(current.json().get("name").asText(), email));
  }

  /** The contract's audit entries of this kind, oldest first. */
  private List<JsonNode> entries(String contractId, String kind) {
    Api.Response history =
        api.as("admin").get("/api/contracts/" + contractId + "/history?size=100");
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    assertThat(history.json().get("verification").get("intact").asBoolean())
        .as("chain intact")
        .isTrue();
    List<JsonNode> found = new ArrayList<>();
    history
        .json()
        .get("content")
        .forEach(
            e -> {
              if (e.get("kind").asText().equals(kind)) {
                found.add(e);
              }
            });
    return found;
  }

  @Test
  void anotherRequestersChangeIsRefusedAndChangesNothing() {
    String id = createCounterparty("rita");
    String ritas = createContract("rita", contractBody(id)).get("id").asText();
    // ravi may name rita's counterparty in a contract of his own; that gives him no right to it
    String ravis = createContract("ravi", contractBody(id)).get("id").asText();
    JsonNode before = counterparty(id);
    assertThat(before.get("owner").asText()).isEqualTo("rita");

    Api.Response refused = changeEmail("ravi", id, "ravi@attacker.example");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    JsonNode after = counterparty(id);
    assertThat(after.get("contactEmail").asText()).isEqualTo("legal@example.com");
    assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
    assertThat(entries(ritas, "COUNTERPARTY_CHANGED")).isEmpty();
    assertThat(entries(ravis, "COUNTERPARTY_CHANGED")).isEmpty();
  }

  @Test
  void theOwnersChangeIsRecordedOnEveryLiveContractThatNamesIt() {
    String id = createCounterparty("rita");
    String ritas = createContract("rita", contractBody(id)).get("id").asText();
    String ravis = createContract("ravi", contractBody(id)).get("id").asText();
    String cancelled = createContract("rita", contractBody(id)).get("id").asText();
    assertThat(api.as("rita").post("/api/contracts/" + cancelled + "/cancel", null).status())
        .isEqualTo(200);

    Api.Response changed = changeEmail("rita", id, "contracts@globex.example");

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("contactEmail").asText()).isEqualTo("contracts@globex.example");
    for (String contract : List.of(ritas, ravis)) {
      List<JsonNode> recorded = entries(contract, "COUNTERPARTY_CHANGED");
      assertThat(recorded).as("entries on " + contract).hasSize(1);
      JsonNode entry = recorded.get(0);
      assertThat(entry.get("actor").asText()).isEqualTo("rita");
      assertThat(entry.get("at").asText()).isNotBlank();
      JsonNode email = entry.get("details").get("changes").get("contactEmail");
      assertThat(email.get("from").asText()).isEqualTo("legal@example.com");
      assertThat(email.get("to").asText()).isEqualTo("contracts@globex.example");
      assertThat(entry.get("details").get("changes").has("name"))
          .as("unchanged fields are not listed")
          .isFalse();
      assertThat(entry.get("summary").asText())
          .contains("legal@example.com → contracts@globex.example");
    }
    assertThat(entries(cancelled, "COUNTERPARTY_CHANGED"))
        .as("an ended contract's trail")
        .isEmpty();
  }

  @Test
  void approversSignatoriesAndAuditorsCannotCorrectItAdminsCan() {
    String id = createCounterparty("rita");
    String contract = createContract("rita", contractBody(id)).get("id").asText();

    for (String user : List.of("leo", "fiona", "erin", "sam", "audrey")) {
      assertThat(changeEmail(user, id, user + "@attacker.example").status())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(counterparty(id).get("contactEmail").asText()).isEqualTo("legal@example.com");
    assertThat(entries(contract, "COUNTERPARTY_CHANGED")).isEmpty();

    assertThat(changeEmail("admin", id, "checked@globex.example").status()).isEqualTo(200);
    List<JsonNode> recorded = entries(contract, "COUNTERPARTY_CHANGED");
    assertThat(recorded).hasSize(1);
    assertThat(recorded.get(0).get("actor").asText()).isEqualTo("admin");
  }

  @Test
  void anEditShareOnAContractOfTheOwnerLetsItsHolderCorrectTheCounterpartyAViewShareDoesNot() {
    String id = createCounterparty("rita");
    String contract = createContract("rita", contractBody(id)).get("id").asText();
    Api.Response view =
        api.as("rita")
            .put(
                "/api/contracts/" + contract + "/shares",
                JSON.createObjectNode()
                    .put("principalType", "USER")
                    .put("principalId", "ravi")
                    .put("permission", "VIEW"));
    assertThat(view.status()).as(view.toString()).isEqualTo(200);
    assertThat(changeEmail("ravi", id, "ravi@globex.example").status())
        .as("with a VIEW share")
        .isEqualTo(403);

    api.as("rita")
        .put(
            "/api/contracts/" + contract + "/shares",
            JSON.createObjectNode()
                .put("principalType", "USER")
                .put("principalId", "ravi")
                .put("permission", "EDIT"));
    Api.Response edited = changeEmail("ravi", id, "ravi@globex.example");

    assertThat(edited.status()).as("with an EDIT share: " + edited).isEqualTo(200);
    assertThat(edited.json().get("owner").asText()).as("still rita's").isEqualTo("rita");
    assertThat(entries(contract, "COUNTERPARTY_CHANGED"))
        .singleElement()
        .satisfies(e -> assertThat(e.get("actor").asText()).isEqualTo("ravi"));
  }

  @Test
  void theCreatorOwnsItAndNoBodyCanNameAnotherOwner() {
    Api.Response created =
        api.as("rita").post("/api/counterparties", body(unique("Initech"), "jo@initech.example"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("owner").asText()).isEqualTo("rita");

    ObjectNode claimed = body(unique("Initrode"), "jo@initrode.example").put("owner", "ravi");
    assertThat(api.as("rita").post("/api/counterparties", claimed).status()).isEqualTo(400);
    String id = created.json().get("id").asText();
    ObjectNode handover =
        body(created.json().get("name").asText(), "jo@initech.example").put("owner", "ravi");
    assertThat(
            api.as("rita")
                .ifMatch(created.etag())
                .put("/api/counterparties/" + id, handover)
                .status())
        .isEqualTo(400);
    assertThat(counterparty(id).get("owner").asText()).isEqualTo("rita");
  }

  @Test
  void aSigningRequestKeepsTheAddressItWasSentToWhateverTheCounterpartySaysLater() {
    String id = createCounterparty("rita");
    String contract = createContract("rita", contractBody(id)).get("id").asText();
    Api.Response upload =
        api.as("rita")
            .upload(
                "/api/contracts/" + contract + "/documents",
                "nda.pdf",
                Corpus.PDF,
                Corpus.sample("nda.pdf"));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    // no signers set: the counterparty's contact signs, read once, when the request is sent (as the
    // process does)
    UUID requestId = transactions.execute(status -> signing.send(UUID.fromString(contract), "it"));

    assertThat(changeEmail("rita", id, "someone.else@example.com").status()).isEqualTo(200);

    assertThat(
            jdbc.queryForList(
                "select email from contractflow.signing_signer where request_id = ?",
                String.class,
                requestId))
        .containsExactly("legal@example.com");
    assertThat(signing.status(requestId).signers())
        .singleElement()
        .satisfies(s -> assertThat(s.email()).isEqualTo("legal@example.com"));
    assertThat(
            jdbc.queryForList(
                "select recipient_email from contractflow.mail"
                    + " where contract_id = ? and event = 'signer-invitation'",
                String.class,
                UUID.fromString(contract)))
        .as("the invitation went to the address of the moment it was sent, and to no other")
        .containsExactly("legal@example.com");
    assertThat(entries(contract, "COUNTERPARTY_CHANGED"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.get("details").get("changes").get("contactEmail").get("to").asText())
                    .isEqualTo("someone.else@example.com"));
  }
}

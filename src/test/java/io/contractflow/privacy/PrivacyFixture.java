package io.contractflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.support.Api;
import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** People and contracts for the privacy tests: a new user of their own, external signers. */
public final class PrivacyFixture {

  public static final ObjectMapper JSON = new ObjectMapper();

  private PrivacyFixture() {}

  /** A person: user id (null for someone who is not a user), full name, address. */
  public record Person(String userId, String password, String name, String email) {

    public Api.Call as(Api api) {
      return api.as(userId, password);
    }
  }

  /** A new requester of the embedded identity store, with a name and address nobody else has. */
  public static Person newRequester(IdentityService identity, String first) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String userId = first.toLowerCase() + tag;
    String last = "Quist" + tag;
    String email = first.toLowerCase() + "." + tag + "@people.example.org";
    String password = "Pw-" + tag + "-x9!";
    User user = identity.newUser(userId);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(email);
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(userId, "requester");
    return new Person(userId, password, first + " " + last, email);
  }

  /** Someone who is not a user: a counterparty contact, a signer. */
  public static Person external(String first) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    return new Person(
        null,
        null,
        first + " Yuval" + tag,
        first.toLowerCase() + ".y" + tag + "@outside.example.net");
  }

  public static String counterparty(Api api, Person owner, Person contact) {
    Api.Response response =
        owner
            .as(api)
            .post(
                "/api/counterparties",
                JSON.createObjectNode()
                    .put("name", "Privacy Ltd " + UUID.randomUUID().toString().substring(0, 8))
                    .put("contactName", contact.name())
                    .put("contactEmail", contact.email()));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  /** A 500 EUR NDA (no approver needed) with an uploaded PDF. */
  public static String nda(Api api, Person owner, ObjectNode body) {
    body.put("type", "NDA").putObject("value").put("amount", 500).put("currency", "EUR");
    body.putObject("renewal").put("autoRenew", false);
    Api.Response created = owner.as(api).post("/api/contracts", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    Api.Response uploaded =
        owner
            .as(api)
            .upload(
                "/api/contracts/" + id + "/documents",
                "nda.pdf",
                Corpus.PDF,
                Corpus.sample("nda.pdf"));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    return id;
  }

  public static void signers(Api api, Person owner, String contractId, Person... signers) {
    ObjectNode body = JSON.createObjectNode().put("mode", "SEQUENTIAL");
    int order = 1;
    var list = body.putArray("signers");
    for (Person signer : signers) {
      list.addObject()
          .put("name", signer.name())
          .put("email", signer.email())
          .put("order", order++);
    }
    Api.Response response = owner.as(api).put("/api/contracts/" + contractId + "/signers", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  public static void share(Api api, Person owner, String contractId, String userId) {
    Api.Response response =
        owner
            .as(api)
            .put(
                "/api/contracts/" + contractId + "/shares",
                JSON.createObjectNode()
                    .put("principalType", "USER")
                    .put("principalId", userId)
                    .put("permission", "VIEW"));
    assertThat(response.status()).as(response.toString()).isBetween(200, 201);
  }

  public static void awaitPhase(Api api, String contractId, String status, String phase) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> api.as("admin").get("/api/contracts/" + contractId + "/process").json(),
            p -> p.get("status").asText().equals(status) && p.get("phase").asText().equals(phase));
  }

  public static JsonNode history(Api api, String contractId) {
    Api.Response response =
        api.as("admin").get("/api/contracts/" + contractId + "/history?size=100");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }
}

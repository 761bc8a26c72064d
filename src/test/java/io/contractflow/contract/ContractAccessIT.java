package io.contractflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access rules, role by role, on a contract the caller owns and on one owned by someone else.
 * Not readable → 404 (ids reveal nothing); readable but not allowed → 403.
 */
class ContractAccessIT extends IntegrationTest {

  @Autowired IdentityService identityService;

  private String counterparty;
  private JsonNode ritasContract;

  @BeforeEach
  void ritaOwnsADraft() {
    ritasContract = createContract("rita");
    counterparty = ritasContract.get("counterparty").get("id").asText();
  }

  /** user, may create, reads rita's draft, may edit it, may cancel it. */
  static Stream<Arguments> roles() {
    return Stream.of(
        Arguments.of("rita", 201, 200, 200, 200), // requester, owner
        Arguments.of("ravi", 201, 404, 404, 404), // requester, not the owner
        Arguments.of("leo", 403, 404, 404, 404), // legal reviewer
        Arguments.of("fiona", 403, 404, 404, 404), // finance approver
        Arguments.of("erin", 403, 404, 404, 404), // executive approver
        Arguments.of("sam", 403, 404, 404, 404), // signatory
        Arguments.of("audrey", 403, 200, 403, 403), // auditor: reads all, writes nothing
        Arguments.of("admin", 201, 200, 200, 200)); // contract admin: everything
  }

  @ParameterizedTest(name = "{0}: create {1}, read {2}, edit {3}, cancel {4}")
  @MethodSource("roles")
  void eachRoleOnSomeoneElsesOrOwnContract(
      String user, int create, int read, int edit, int cancel) {
    String id = ritasContract.get("id").asText();

    assertThat(api.as(user).post("/api/contracts", contractBody(counterparty)).status())
        .isEqualTo(create);
    assertThat(api.as(user).get("/api/contracts/" + id).status()).isEqualTo(read);
    assertThat(api.as(user).get("/api/contracts/" + id + "/shares").status()).isEqualTo(read);
    boolean listed =
        api.as(user)
                .get("/api/contracts?q=" + ritasContract.get("reference").asText())
                .json()
                .get("page")
                .get("totalElements")
                .asLong()
            == 1;
    assertThat(listed).isEqualTo(read == 200);

    Api.Response update =
        api.as(user)
            .ifMatch("\"0\"")
            .put("/api/contracts/" + id, contractBody(counterparty).put("title", "By " + user));
    assertThat(update.status()).as(update.toString()).isEqualTo(edit);
    Api.Response share =
        api.as(user).put("/api/contracts/" + id + "/shares", share("USER", "sam", "VIEW"));
    assertThat(share.status()).isEqualTo(cancel);
    Api.Response cancelled = api.as(user).post("/api/contracts/" + id + "/cancel", null);
    assertThat(cancelled.status()).isEqualTo(cancel);

    JsonNode stored = api.as("admin").get("/api/contracts/" + id).json();
    assertThat(stored.get("status").asText()).isEqualTo(cancel == 200 ? "CANCELLED" : "DRAFT");
    assertThat(stored.get("title").asText())
        .isEqualTo(edit == 200 ? "By " + user : ritasContract.get("title").asText());
  }

  @Test
  void aViewShareLetsReadButNotEdit() {
    String id = ritasContract.get("id").asText();
    assertThat(
            api.as("rita")
                .put("/api/contracts/" + id + "/shares", share("USER", "ravi", "VIEW"))
                .status())
        .isEqualTo(200);

    assertThat(api.as("ravi").get("/api/contracts/" + id).status()).isEqualTo(200);
    assertThat(
            api.as("ravi")
                .ifMatch("\"0\"")
                .put("/api/contracts/" + id, contractBody(counterparty))
                .status())
        .isEqualTo(403);
    assertThat(api.as("ravi").post("/api/contracts/" + id + "/cancel", null).status())
        .isEqualTo(403);
  }

  @Test
  void anEditShareLetsEditButNotCancelOrReshare() {
    String id = ritasContract.get("id").asText();
    api.as("rita").put("/api/contracts/" + id + "/shares", share("USER", "ravi", "EDIT"));

    assertThat(
            api.as("ravi")
                .ifMatch("\"0\"")
                .put("/api/contracts/" + id, contractBody(counterparty))
                .status())
        .isEqualTo(200);
    assertThat(api.as("ravi").post("/api/contracts/" + id + "/cancel", null).status())
        .isEqualTo(403);
    assertThat(
            api.as("ravi")
                .put("/api/contracts/" + id + "/shares", share("USER", "sam", "VIEW"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void aGroupShareReachesEveryMemberAndEndsWhenRemoved() {
    String id = ritasContract.get("id").asText();
    api.as("rita")
        .put("/api/contracts/" + id + "/shares", share("GROUP", "legal-reviewer", "VIEW"));

    assertThat(api.as("leo").get("/api/contracts/" + id).status()).isEqualTo(200);
    assertThat(api.as("fiona").get("/api/contracts/" + id).status()).isEqualTo(404);

    assertThat(
            api.as("rita").delete("/api/contracts/" + id + "/shares/GROUP/legal-reviewer").status())
        .isEqualTo(204);
    assertThat(api.as("leo").get("/api/contracts/" + id).status()).isEqualTo(404);
  }

  @Test
  void sharingWithUnknownPeopleIsRefused() {
    String id = ritasContract.get("id").asText();
    Api.Response unknown =
        api.as("rita").put("/api/contracts/" + id + "/shares", share("USER", "nobody", "VIEW"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("principalId");
    assertThat(api.as("rita").get("/api/contracts/" + id + "/shares").json()).isEmpty();
  }

  @Test
  void aContractThatDoesNotExistLooksLikeOneYouMayNotSee() {
    Api.Response missing =
        api.as("rita").get("/api/contracts/00000000-0000-0000-0000-000000000000");
    Api.Response hidden = api.as("ravi").get("/api/contracts/" + ritasContract.get("id").asText());

    assertThat(missing.status()).isEqualTo(404);
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.json().get("title").asText()).isEqualTo(missing.json().get("title").asText());
  }

  @Test
  void everyEndpointNeedsAnAuthenticatedCaller() {
    String id = ritasContract.get("id").asText();
    // a wrong password locks the account for a few seconds (the engine's brute-force guard): use a
    // user of our own
    String victim = "guessme" + Long.toHexString(System.nanoTime());
    User user = identityService.newUser(victim);
    user.setPassword("right-password");
    identityService.saveUser(user);
    identityService.createMembership(victim, "requester");
    for (Api.Response response :
        new Api.Response[] {
          api.anonymous().get("/api/contracts"),
          api.anonymous().get("/api/contracts/" + id),
          api.anonymous().post("/api/contracts", contractBody(counterparty)),
          api.anonymous().put("/api/contracts/" + id, contractBody(counterparty)),
          api.anonymous().post("/api/contracts/" + id + "/cancel", null),
          api.anonymous().get("/api/contracts/" + id + "/shares"),
          api.anonymous().get("/api/counterparties"),
          api.anonymous().get("/api/me"),
          api.anonymous().get("/engine-rest/task"),
          api.as(victim, "wrong-password").get("/api/contracts"),
          api.as("nobody", "nobody").get("/api/contracts")
        }) {
      assertThat(response.status()).as(response.toString()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }
  }

  @Test
  void meShowsTheCallersRoles() {
    JsonNode me = api.as("admin").get("/api/me").json();
    assertThat(me.get("username").asText()).isEqualTo("admin");
    assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("contract-admin");
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode share(
      String type, String principal, String permission) {
    return JSON.createObjectNode()
        .put("principalType", type)
        .put("principalId", principal)
        .put("permission", permission);
  }
}

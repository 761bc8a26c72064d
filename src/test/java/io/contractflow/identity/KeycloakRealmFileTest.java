package io.contractflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.support.KeycloakRealm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm file follows the role model without a server: one top-level group per {@link Role}, the
 * demo users of the embedded default in the same groups, and no test-only client in the file that
 * docker-compose imports. What the server makes of the file is {@code KeycloakRealmIT}'s part.
 */
class KeycloakRealmFileTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode realm;

  @BeforeAll
  static void read() throws IOException {
    realm = JSON.readTree(KeycloakRealm.REALM_FILE.toFile());
  }

  @Test
  void hasOneTopLevelGroupPerRole() {
    List<String> paths = new ArrayList<>();
    realm
        .path("groups")
        .forEach(
            group -> {
              paths.add(group.path("path").asText());
              assertThat(group.path("subGroups")).as(group.toString()).isEmpty();
            });

    assertThat(realm.path("realm").asText()).isEqualTo(KeycloakRealm.NAME);
    assertThat(paths)
        .containsExactlyInAnyOrderElementsOf(
            Stream.of(Role.values()).map(role -> "/" + role.groupId()).toList());
  }

  @Test
  void hasTheDemoUsersInTheirGroupsReadyToSignIn() {
    for (DemoUser demo : DemoUser.ALL) {
      JsonNode user = user(demo.username());
      assertThat(user.path("enabled").asBoolean()).as(demo.username()).isTrue();
      assertThat(user.path("email").asText()).isEqualTo(demo.email());
      assertThat(user.path("emailVerified").asBoolean()).as(demo.username()).isTrue();
      assertThat(user.path("firstName").asText()).isEqualTo(demo.firstName());
      assertThat(user.path("lastName").asText()).isEqualTo(demo.lastName());
      assertThat(user.path("requiredActions")).as(demo.username()).isEmpty();
      assertThat(user.path("groups"))
          .extracting(JsonNode::asText)
          .containsExactly("/" + demo.role().groupId());
      assertThat(user.path("credentials"))
          .singleElement()
          .satisfies(
              credential -> {
                assertThat(credential.path("type").asText()).isEqualTo("password");
                assertThat(credential.path("value").asText()).isEqualTo(demo.password());
                assertThat(credential.path("temporary").asBoolean()).isFalse();
              });
    }
  }

  @Test
  void grantsTheIdentityPluginOnlyReadingUsersAndGroups() {
    JsonNode serviceAccount = user("service-account-" + KeycloakRealm.IDENTITY_CLIENT);

    assertThat(serviceAccount.path("serviceAccountClientId").asText())
        .isEqualTo(KeycloakRealm.IDENTITY_CLIENT);
    assertThat(serviceAccount.path("clientRoles").path("realm-management"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("view-users", "query-users", "query-groups");
    assertThat(serviceAccount.path("clientRoles").size()).isEqualTo(1);
    assertThat(serviceAccount.path("realmRoles")).isEmpty();
  }

  @Test
  void keepsTheTestClientOutOfTheRealmFile() throws IOException {
    List<String> clients = new ArrayList<>();
    realm.path("clients").forEach(client -> clients.add(client.path("clientId").asText()));
    JsonNode testClient = JSON.readTree(KeycloakRealm.TEST_CLIENT_FILE.toFile());

    assertThat(clients)
        .containsExactlyInAnyOrder(
            KeycloakRealm.API_CLIENT,
            KeycloakRealm.WEBAPP_CLIENT,
            KeycloakRealm.FRONTEND_CLIENT,
            KeycloakRealm.IDENTITY_CLIENT);
    assertThat(testClient.path("clientId").asText()).isEqualTo(KeycloakRealm.TEST_CLIENT);
    assertThat(testClient.path("directAccessGrantsEnabled").asBoolean()).isTrue();
  }

  @Test
  void takesTheConfidentialClientsSecretsFromTheEnvironmentAtImport() {
    List<String> secrets = new ArrayList<>();
    realm
        .path("clients")
        .forEach(
            client -> {
              if (!client.path("publicClient").asBoolean() && client.has("secret")) {
                secrets.add(
                    client.path("clientId").asText() + " " + client.path("secret").asText());
              }
            });

    // Keycloak resolves ${VAR:default} at import: docker-compose and Helm set the variables, tests
    // use the default
    assertThat(secrets)
        .containsExactlyInAnyOrder(
            KeycloakRealm.WEBAPP_CLIENT
                + " ${CONTRACTFLOW_WEBAPP_CLIENT_SECRET:"
                + KeycloakRealm.WEBAPP_SECRET
                + "}",
            KeycloakRealm.IDENTITY_CLIENT
                + " ${CONTRACTFLOW_IDENTITY_CLIENT_SECRET:"
                + KeycloakRealm.IDENTITY_SECRET
                + "}");
  }

  private static JsonNode user(String username) {
    return StreamSupport.stream(realm.path("users").spliterator(), false)
        .filter(user -> user.path("username").asText().equals(username))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no user " + username + " in the realm file"));
  }
}

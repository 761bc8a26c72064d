package io.contractflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.privacy.PrivacyFixture.Person;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 21's export: everything held about one person, by address or user id, as a ZIP with a JSON
 * file per store and the documents they uploaded; nothing about the people who share their
 * contracts (the owner, a co-signer, a user the contract is shared with); recorded; admins only.
 */
class PersonalDataExportIT extends IntegrationTest {

  private static final String EXPORTS = "/api/admin/privacy/exports";

  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theExportHoldsEverythingAboutThePersonAndNothingAboutAnyoneElse() throws IOException {
    Person owner = PrivacyFixture.newRequester(identity, "Olga");
    Person signer = PrivacyFixture.external("Xenia");
    Person coSigner = PrivacyFixture.external("Yannick");
    String contract =
        PrivacyFixture.nda(
            api, owner, contractBody(PrivacyFixture.counterparty(api, owner, signer)));
    PrivacyFixture.signers(api, owner, contract, signer, coSigner);
    PrivacyFixture.share(api, owner, contract, "rita");
    Api.Response savedView =
        owner
            .as(api)
            .post(
                "/api/saved-views",
                JSON.createObjectNode()
                    .put("list", "contracts")
                    .put("name", "My NDAs")
                    .put("query", "type=NDA"));
    assertThat(savedView.status()).as(savedView.toString()).isEqualTo(201);

    for (String user : List.of("rita", "leo", "audrey", owner.userId())) {
      Api.BinaryResponse refused =
          (user.equals(owner.userId()) ? owner.as(api) : api.as(user))
              .postForBytes(EXPORTS, JSON.createObjectNode().put("email", signer.email()));
      assertThat(refused.status()).as(user).isEqualTo(403);
    }
    assertThat(api.as("admin").post(EXPORTS, JSON.createObjectNode()).status()).isEqualTo(400);
    assertThat(
            api.as("admin")
                .post(EXPORTS, JSON.createObjectNode().put("email", "a@b.c").put("userId", "rita"))
                .status())
        .isEqualTo(400);
    assertThat(
            api.as("admin")
                .post(EXPORTS, JSON.createObjectNode().put("email", "nobody.ever@nowhere.invalid"))
                .status())
        .isEqualTo(404);
    Integer before =
        jdbc.queryForObject(
            "select count(*) from contractflow.privacy_request where kind = 'EXPORT'",
            Integer.class);

    // the signer, by address: the contact, the signing plan, the trail's entries
    Map<String, String> signers = export(JSON.createObjectNode().put("email", signer.email()));
    assertThat(signers)
        .containsKeys(
            "manifest.json",
            "identity.json",
            "counterparty-contacts.json",
            "contracts.json",
            "signing.json",
            "documents.json",
            "audit-trail.json",
            "mail.json",
            "notifications.json",
            "saved-views.json",
            "calendar-feeds.json",
            "sign-ins.json",
            "imports.json",
            "obligations.json",
            "engine.json",
            "search-index.json");
    assertThat(signers.get("counterparty-contacts.json")).contains(signer.email(), signer.name());
    assertThat(signers.get("signing.json")).contains(signer.email(), signer.name());
    assertThat(signers.get("audit-trail.json")).contains("SIGNERS_CHANGED", signer.name());
    assertNothingAbout(signers, owner, coSigner);
    assertThat(String.join("\n", signers.values()))
        .doesNotContain("Rita Ramos", "rita@contractflow.example", "\"rita\"");

    // the owner, by user id: their contract, the document they uploaded, their saved view
    Map<String, String> owners = export(JSON.createObjectNode().put("userId", owner.userId()));
    assertThat(owners.get("identity.json")).contains(owner.userId(), owner.email());
    JsonNode contracts = Api.json(owners.get("contracts.json"));
    assertThat(contracts.get("owned").get(0).get("id").asText()).isEqualTo(contract);
    assertThat(owners.get("saved-views.json")).contains("My NDAs");
    assertThat(owners.get("documents.json")).contains("nda.pdf");
    assertThat(owners.keySet())
        .anyMatch(name -> name.startsWith("documents/") && name.endsWith("nda.pdf"));
    assertThat(owners.get("audit-trail.json")).contains("CREATED", "SHARE_GRANTED");
    assertThat(owners.get("sign-ins.json")).contains("last_at");
    // the index takes the contract after commit: the export shows its copy once it is there
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        export(JSON.createObjectNode().put("userId", owner.userId()))
                            .get("search-index.json"))
                    .contains(contract));
    assertNothingAbout(owners, signer, coSigner);
    assertThat(jsonOf(owners))
        .doesNotContain("Rita Ramos", "rita@contractflow.example", "\"rita\"");

    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.privacy_request where kind = 'EXPORT'",
                Integer.class))
        .as("each export is recorded")
        .isGreaterThanOrEqualTo(before + 2);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.privacy_request where kind = 'EXPORT'"
                    + " and (result::text ilike ? or result::text ilike ?)",
                Integer.class,
                "%" + signer.email() + "%",
                "%" + owner.userId() + "%"))
        .as("the record names nobody")
        .isZero();
  }

  private Map<String, String> export(Object body) throws IOException {
    Api.BinaryResponse response = api.as("admin").postForBytes(EXPORTS, body);
    assertThat(response.status())
        .as(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/zip");
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  private static String jsonOf(Map<String, String> files) {
    StringBuilder all = new StringBuilder();
    files.forEach(
        (name, text) -> {
          if (name.endsWith(".json")) {
            all.append(text).append('\n');
          }
        });
    return all.toString();
  }

  /** Neither name, address nor user id of these people in any file of the archive. */
  private static void assertNothingAbout(Map<String, String> files, Person... others) {
    String all = jsonOf(files).toLowerCase(Locale.ROOT);
    for (Person other : others) {
      assertThat(all).doesNotContain(other.name().toLowerCase(Locale.ROOT));
      assertThat(all).doesNotContain(other.email().toLowerCase(Locale.ROOT));
      if (other.userId() != null) {
        assertThat(all).doesNotContain(other.userId().toLowerCase(Locale.ROOT));
      }
    }
  }
}

package io.contractflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail anchored outside the database: an anchor names every chain's head under a signed
 * Merkle root; deleting a chain's newest entries, rewriting its anchored entry or changing an entry
 * in the middle is found against it, and so is a changed anchor file. Admins anchor; admins and
 * auditors verify; nobody else does either.
 */
class AuditAnchorIT extends IntegrationTest {

  private static final String ANCHORS = "/api/admin/audit/anchors";

  @Autowired JdbcTemplate jdbc;
  @Autowired AnchorProperties properties;

  @Test
  void truncationRewritingAndAChangedAnchorAreFound() throws IOException {
    UUID truncated = contractWithEntries();
    UUID rewritten = contractWithEntries();
    UUID edited = contractWithEntries();
    UUID untouched = contractWithEntries();

    // only admins anchor; admins and auditors verify
    for (String user : List.of("rita", "leo", "audrey")) {
      assertThat(api.as(user).post(ANCHORS, null).status()).as(user).isEqualTo(403);
    }
    for (String user : List.of("rita", "leo", "fiona")) {
      assertThat(api.as(user).get(ANCHORS + "/verification").status()).as(user).isEqualTo(403);
      assertThat(api.as(user).get(ANCHORS).status()).as(user).isEqualTo(403);
    }
    assertThat(api.anonymous().get(ANCHORS + "/verification").status()).isEqualTo(401);
    Api.Response taken = api.as("admin").post(ANCHORS, null);
    assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
    String file = taken.json().get("file").asText();
    assertThat(taken.json().get("contracts").asInt()).isGreaterThanOrEqualTo(4);
    // nothing added since: no new anchor
    assertThat(api.as("admin").post(ANCHORS, null).status()).isEqualTo(204);
    assertThat(api.as("audrey").get(ANCHORS).json().get(0).get("file").asText()).isEqualTo(file);

    JsonNode clean = verification();
    assertThat(clean.get("anchor").get("file").asText()).isEqualTo(file);
    assertThat(clean.get("certificateCurrent").asBoolean()).isTrue();
    assertThat(clean.get("invalidAnchors")).isEmpty();
    for (UUID id : List.of(truncated, rewritten, edited, untouched)) {
      assertThat(named(clean, id)).as("%s before tampering", id).isEmpty();
    }

    // the newest entries of one chain deleted (its chain still verifies in itself)
    jdbc.update(
        "delete from contractflow.audit_entry where contract_id = ? and seq > 1", truncated);
    // the anchored head of another replaced, hash and all
    jdbc.update(
        "update contractflow.audit_entry set hash = ? where contract_id = ?"
            + " and seq = (select max(seq) from contractflow.audit_entry where contract_id = ?)",
        "f".repeat(64),
        rewritten,
        rewritten);
    // an entry in the middle of a third changed
    jdbc.update(
        "update contractflow.audit_entry set summary = 'softened' where contract_id = ? and seq = 1",
        edited);
    // new entries on the fourth are no finding: chains grow
    comment(untouched);

    JsonNode found = verification();
    assertThat(found.get("intact").asBoolean()).isFalse();
    assertThat(named(found, truncated)).containsExactly("truncated");
    assertThat(named(found, rewritten)).contains("rewritten");
    assertThat(named(found, edited)).containsExactly("broken");
    assertThat(named(found, untouched)).isEmpty();

    // a changed anchor file is no longer trusted
    Path anchor = properties.directory().resolve(file);
    String text = Files.readString(anchor, StandardCharsets.UTF_8);
    anchor.toFile().setWritable(true);
    Files.writeString(
        anchor,
        text.replace("\"" + rewritten + "\"", "\"" + UUID.randomUUID() + "\""),
        StandardCharsets.UTF_8);
    assertThat(verification().get("invalidAnchors")).extracting(JsonNode::asText).contains(file);
  }

  private JsonNode verification() {
    Api.Response response = api.as("audrey").get(ANCHORS + "/verification");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** The lists of the verification that name the contract. */
  private static List<String> named(JsonNode verification, UUID contract) {
    return List.of("truncated", "rewritten", "broken").stream()
        .filter(
            list ->
                StreamSupport.stream(verification.get(list).spliterator(), false)
                    .anyMatch(f -> f.get("contract").asText().equals(contract.toString())))
        .toList();
  }

  private UUID contractWithEntries() {
    UUID id =
        UUID.fromString(
            createContract("rita", contractBody(createCounterparty("rita"))).get("id").asText());
    comment(id);
    return id;
  }

  /** An entry more on the contract's chain (a comment through the API). */
  private void comment(UUID id) {
    Api.Response response =
        api.as("rita")
            .put(
                "/api/contracts/" + id + "/shares",
                JSON.createObjectNode()
                    .put("principalType", "USER")
                    .put("principalId", "erin")
                    .put("permission", "VIEW"));
    assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    assertThat(api.as("rita").delete("/api/contracts/" + id + "/shares/USER/erin").status())
        .isEqualTo(204);
  }
}

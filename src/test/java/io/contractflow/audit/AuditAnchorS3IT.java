package io.contractflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.document.storage.InProcessS3;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The audit anchors in S3 as compose and the chart set them up: documents in an S3 bucket and
 * {@code contractflow.audit.anchors.store: s3} with no other anchor setting, so the anchors go to
 * the documents' bucket under {@code audit-anchors/}. An anchor taken is an object there, listed
 * and verified from there; deleting a chain's newest entries is found against it, and an anchor
 * object changed in the bucket is no longer trusted. Its platform differs from the shared one, so
 * it runs in the own-platform JVM and closes its context when done.
 */
@Tag("own-platform")
@DirtiesContext
class AuditAnchorS3IT extends IntegrationTest {

  private static final String BUCKET = "contractflow-anchors-it";
  private static final String ANCHORS = "/api/admin/audit/anchors";
  private static S3Client s3;

  @Autowired JdbcTemplate jdbc;
  @Autowired AnchorStore store;

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    InProcessS3.Endpoint endpoint = InProcessS3.startShared();
    registry.add("contractflow.documents.storage.type", () -> "s3");
    registry.add("contractflow.documents.storage.s3.endpoint", () -> endpoint.uri().toString());
    registry.add("contractflow.documents.storage.s3.bucket", () -> BUCKET);
    registry.add("contractflow.documents.storage.s3.access-key", endpoint::accessKey);
    registry.add("contractflow.documents.storage.s3.secret-key", endpoint::secretKey);
    registry.add("contractflow.audit.anchors.store", () -> "s3");
  }

  @BeforeAll
  static void rawClient() {
    s3 = InProcessS3.startShared().client();
  }

  @AfterAll
  static void closeRawClient() {
    s3.close();
  }

  @Test
  void anAnchorInTheBucketFindsTruncationAndAChangedAnchorObject() {
    assertThat(store).isInstanceOf(S3AnchorStore.class);
    assertThat(store.describe()).isEqualTo("s3:" + BUCKET + "/audit-anchors/");
    UUID truncated = contractWithEntries();
    UUID untouched = contractWithEntries();

    assertThat(api.as("rita").post(ANCHORS, null).status()).isEqualTo(403);
    Api.Response taken = api.as("admin").post(ANCHORS, null);
    assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
    String file = taken.json().get("file").asText();
    String key = "audit-anchors/" + file;

    // the anchor is an object under the prefix of the documents' bucket, and nowhere else
    assertThat(
            s3
                .listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("audit-anchors/"))
                .contents()
                .stream()
                .map(S3Object::key))
        .contains(key);
    String anchor = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
    assertThat(anchor).contains(AuditAnchors.FORMAT).contains(truncated.toString());
    assertThat(api.as("audrey").get(ANCHORS).json().get(0).get("file").asText()).isEqualTo(file);
    assertThat(api.as("admin").post(ANCHORS, null).status()).isEqualTo(204);

    JsonNode clean = verification();
    assertThat(clean.get("anchor").get("file").asText()).isEqualTo(file);
    assertThat(clean.get("invalidAnchors")).isEmpty();
    assertThat(clean.get("truncated").toString()).doesNotContain(truncated.toString());

    // the newest entries of one chain deleted: found against the anchor in the bucket
    jdbc.update(
        "delete from contractflow.audit_entry where contract_id = ? and seq > 1", truncated);
    JsonNode found = verification();
    assertThat(found.get("intact").asBoolean()).isFalse();
    assertThat(contracts(found, "truncated")).contains(truncated.toString());
    assertThat(contracts(found, "truncated")).doesNotContain(untouched.toString());

    // the anchor object replaced in the bucket (no object lock here) is no longer trusted
    s3.putObject(
        b -> b.bucket(BUCKET).key(key),
        RequestBody.fromString(
            anchor.replace("\"" + truncated + "\"", "\"" + UUID.randomUUID() + "\""),
            StandardCharsets.UTF_8));
    assertThat(verification().get("invalidAnchors")).extracting(JsonNode::asText).contains(file);
  }

  private JsonNode verification() {
    Api.Response response = api.as("audrey").get(ANCHORS + "/verification");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static java.util.List<String> contracts(JsonNode verification, String list) {
    return StreamSupport.stream(verification.get(list).spliterator(), false)
        .map(f -> f.get("contract").asText())
        .toList();
  }

  private UUID contractWithEntries() {
    UUID id =
        UUID.fromString(
            createContract("rita", contractBody(createCounterparty("rita"))).get("id").asText());
    Api.Response shared =
        api.as("rita")
            .put(
                "/api/contracts/" + id + "/shares",
                JSON.createObjectNode()
                    .put("principalType", "USER")
                    .put("principalId", "erin")
                    .put("permission", "VIEW"));
    assertThat(shared.status()).as(shared.toString()).isBetween(200, 201);
    return id;
  }
}

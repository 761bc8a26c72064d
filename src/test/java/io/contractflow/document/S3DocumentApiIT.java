package io.contractflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.contractflow.document.scan.ClamdServer;
import io.contractflow.document.storage.InProcessS3;
import io.contractflow.support.Api;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The document API on the S3 store, against a real S3-compatible server running in-process, with
 * virus scanning through a real clamd (started by the test with a test signature) where ClamAV is
 * installed. Its platform differs from the shared one, and Camunda registers engines JVM-wide, so
 * it runs in the own-platform JVM and closes its context when done.
 */
@Tag("own-platform")
@DirtiesContext
class S3DocumentApiIT extends DocumentApiContract {

  private static final String BUCKET = "contractflow-documents-it";
  private static S3Client s3;

  @DynamicPropertySource
  static void storageAndScanning(DynamicPropertyRegistry registry) {
    InProcessS3.Endpoint endpoint = InProcessS3.startShared();
    registry.add("contractflow.documents.storage.type", () -> "s3");
    registry.add("contractflow.documents.storage.s3.endpoint", () -> endpoint.uri().toString());
    registry.add("contractflow.documents.storage.s3.bucket", () -> BUCKET);
    registry.add("contractflow.documents.storage.s3.access-key", endpoint::accessKey);
    registry.add("contractflow.documents.storage.s3.secret-key", endpoint::secretKey);
    if (Files.isExecutable(ClamdServer.CLAMD)) {
      ClamdServer clamd = ClamdServer.startShared();
      registry.add("contractflow.documents.virus-scan.enabled", () -> "true");
      registry.add("contractflow.documents.virus-scan.host", clamd::host);
      registry.add("contractflow.documents.virus-scan.port", clamd::port);
    }
  }

  @BeforeAll
  static void rawClient() {
    s3 = InProcessS3.startShared().client();
  }

  @AfterAll
  static void closeRawClient() {
    s3.close();
  }

  @Override
  protected Map<String, byte[]> storedObjects() {
    Map<String, byte[]> objects = new TreeMap<>();
    for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()) {
      objects.put(
          object.key(),
          s3.getObject(b -> b.bucket(BUCKET).key(object.key()), ResponseTransformer.toBytes())
              .asByteArray());
    }
    return objects;
  }

  @Test
  void malwareIsRefusedAndNothingIsStored() {
    assumeTrue(
        Files.isExecutable(ClamdServer.CLAMD),
        "clamd not installed: apt-get install clamav-daemon");
    Map<String, byte[]> before = storedObjects();
    // a real PDF whose bytes carry the test signature, so that only the virus scan can refuse it
    byte[] pdf = Corpus.sample("nda.pdf");
    byte[] infected = new byte[pdf.length + 64];
    System.arraycopy(pdf, 0, infected, 0, pdf.length);
    byte[] marker = ("\n%" + ClamdServer.MARKER + "\n").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(marker, 0, infected, pdf.length, marker.length);

    Api.Response refused =
        api.as("rita")
            .upload("/api/contracts/" + contractId + "/documents", "nda.pdf", Corpus.PDF, infected);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("detail").asText()).contains(ClamdServer.SIGNATURE);
    assertThat(storedObjects().keySet()).isEqualTo(before.keySet());
    assertThat(api.as("rita").get("/api/contracts/" + contractId + "/documents").json()).isEmpty();
  }
}

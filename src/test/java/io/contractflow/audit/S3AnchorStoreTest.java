package io.contractflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.document.storage.InProcessS3;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;

/**
 * The S3 anchor store on a real S3-compatible server in this JVM (S3Mock): anchors are written
 * under the prefix, listed newest first and read back; one is never overwritten; with a lock mode
 * the bucket is created with object lock and every put carries the lock mode and retain-until date,
 * and a bucket without object lock is refused at start-up.
 */
class S3AnchorStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-07T22:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static InProcessS3 server;
  private static final List<Map<String, List<String>>> puts = new CopyOnWriteArrayList<>();
  private static S3Client raw;
  private S3AnchorStore store;

  @BeforeAll
  static void startServer() {
    server = InProcessS3.start();
    raw = client();
  }

  @AfterAll
  static void stopServer() {
    if (raw != null) {
      raw.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
    puts.clear();
  }

  @Test
  void writesUnderThePrefixListsNewestFirstAndReadsBack() {
    String bucket = "anchors-" + UUID.randomUUID();
    store = store(bucket, null);
    store.ensureBucket();
    raw.putObject(
        b -> b.bucket(bucket).key("audit-anchors/notes.txt"), RequestBody.fromString("not one"));
    raw.putObject(
        b -> b.bucket(bucket).key("elsewhere/anchor-20261207T000000.000Z-aaaaaaaaaaaa.json"),
        RequestBody.fromString("{}"));

    store.write("anchor-20261207T210000.000Z-111111111111.json", bytes("older"));
    store.write("anchor-20261207T220000.000Z-222222222222.json", bytes("newer"));

    assertThat(store.names())
        .containsExactly(
            "anchor-20261207T220000.000Z-222222222222.json",
            "anchor-20261207T210000.000Z-111111111111.json");
    assertThat(text(store.read("anchor-20261207T210000.000Z-111111111111.json")))
        .isEqualTo("older");
    assertThat(
            text(
                raw.getObjectAsBytes(
                        b ->
                            b.bucket(bucket)
                                .key("audit-anchors/anchor-20261207T220000.000Z-222222222222.json"))
                    .asByteArray()))
        .isEqualTo("newer");
    // conditional: the put asks the store to refuse an existing key; without a lock, no lock
    // headers
    assertThat(puts).hasSize(2);
    assertThat(puts.get(0)).containsEntry("If-None-Match", List.of("*"));
    assertThat(puts.get(0)).doesNotContainKey("x-amz-object-lock-mode");
  }

  @Test
  void anAnchorIsNeverOverwritten() {
    String bucket = "anchors-" + UUID.randomUUID();
    store = store(bucket, null);
    store.ensureBucket();
    String name = "anchor-20261207T220000.000Z-333333333333.json";
    store.write(name, bytes("first"));

    assertThatThrownBy(() -> store.write(name, bytes("second")))
        .isInstanceOf(AnchorStore.AnchorExists.class)
        .hasMessageContaining(name);
    assertThat(text(store.read(name))).isEqualTo("first");
    assertThat(puts).hasSize(1);
  }

  @Test
  void withALockModeTheBucketHasObjectLockAndEveryPutCarriesTheRetention() {
    String bucket = "locked-" + UUID.randomUUID();
    store = store(bucket, AnchorProperties.LockMode.COMPLIANCE);
    store.ensureBucket();

    assertThat(
            raw.getObjectLockConfiguration(b -> b.bucket(bucket))
                .objectLockConfiguration()
                .objectLockEnabled())
        .isEqualTo(ObjectLockEnabled.ENABLED);
    store.write("anchor-20261207T220000.000Z-444444444444.json", bytes("locked"));

    // S3Mock keeps no retention given on the put itself (only PutObjectRetention's), so what the
    // put sends is what is checked here: the mode and the retain-until date of the configuration
    assertThat(puts).hasSize(1);
    assertThat(puts.get(0))
        .containsEntry("x-amz-object-lock-mode", List.of("COMPLIANCE"))
        .containsEntry(
            "x-amz-object-lock-retain-until-date",
            List.of(NOW.plus(Duration.ofDays(30)).toString()))
        .containsKey("Content-MD5");
    // a second start finds the bucket with its lock
    try (S3AnchorStore again = store(bucket, AnchorProperties.LockMode.COMPLIANCE)) {
      again.ensureBucket();
    }
  }

  @Test
  void aLockModeOnABucketWithoutObjectLockIsRefusedAtStartUp() {
    String bucket = "unlocked-" + UUID.randomUUID();
    raw.createBucket(b -> b.bucket(bucket));
    store = store(bucket, AnchorProperties.LockMode.GOVERNANCE);

    assertThatThrownBy(store::ensureBucket)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(bucket)
        .hasMessageContaining("object lock");
  }

  private static S3AnchorStore store(String bucket, AnchorProperties.LockMode mode) {
    return new S3AnchorStore(
        recordingClient(), bucket, "audit-anchors/", mode, Duration.ofDays(30), CLOCK);
  }

  private static S3Client client() {
    return builder().build();
  }

  /** A client that notes the headers of every object put. */
  private static S3Client recordingClient() {
    return builder()
        .overrideConfiguration(
            c ->
                c.addExecutionInterceptor(
                    new ExecutionInterceptor() {
                      @Override
                      public void beforeTransmission(
                          Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        var request = context.httpRequest();
                        if (request.method() == SdkHttpMethod.PUT
                            && request.encodedPath().contains("/anchor-")) {
                          puts.add(request.headers());
                        }
                      }
                    }))
        .build();
  }

  private static software.amazon.awssdk.services.s3.S3ClientBuilder builder() {
    return server
        .endpoint()
        .clientBuilder()
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

package io.contractflow.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store against the contract, on a real S3-compatible server in this JVM, plus start-up and
 * failures.
 */
class S3DocumentStoreTest extends DocumentStoreContract {

  private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);

  /** Room for JVM and scheduling hiccups on a busy machine; a hang would take far longer. */
  private static final Duration SLACK = Duration.ofSeconds(3);

  private static InProcessS3 server;
  private static String bucket;
  private static S3DocumentStore store;

  @BeforeAll
  static void startServer() {
    server = InProcessS3.start();
    bucket = "contract-" + UUID.randomUUID();
    store = storeFor(server.endpoint().settings(bucket, Duration.ofSeconds(10)));
    store.ensureBucket();
  }

  @AfterAll
  static void stopServer() {
    if (store != null) {
      store.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected DocumentStore store() {
    return store;
  }

  @Test
  void ensureBucketCreatesAMissingBucketAndKeepsAnExistingOne() {
    String name = "created-" + UUID.randomUUID();
    try (S3DocumentStore fresh = storeFor(server.endpoint().settings(name, SHORT_TIMEOUT))) {
      assertThatThrownBy(() -> fresh.put(newKey(), randomBytes(1)))
          .isInstanceOf(DocumentStoreException.class);

      fresh.ensureBucket();
      String key = newKey();
      fresh.put(key, randomBytes(1));
      fresh.ensureBucket();

      assertThat(fresh.exists(key)).isTrue();
    }
  }

  @Test
  void aMissingBucketIsNotAvailable() {
    try (S3DocumentStore missing =
        storeFor(server.endpoint().settings("missing-" + UUID.randomUUID(), SHORT_TIMEOUT))) {
      assertThatThrownBy(missing::checkAvailable)
          .isInstanceOf(DocumentStoreException.class)
          .hasMessageContaining("bucket");
    }
  }

  @Test
  void describesTheBucket() {
    assertThat(store.describe()).isEqualTo("s3:" + bucket);
  }

  @Test
  void serverThatIsDownFailsWithinTheTimeout() throws IOException {
    URI down;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      down =
          URI.create(
              "http://127.0.0.1:"
                  + socket.getLocalPort()); // free once closed: connections are refused
    }
    try (S3DocumentStore unreachable = storeFor(settingsAt(down))) {
      assertFailsInTime(unreachable::ensureBucket, "bucket");
      assertFailsInTime(unreachable::checkAvailable, "bucket");
      assertEveryCallFailsInTime(unreachable);
    }
  }

  @Test
  void serverThatNeverAnswersFailsWithinTheTimeout() throws IOException {
    // the kernel accepts connections into the backlog, but nobody ever reads or answers: a hung
    // store
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        S3DocumentStore hung =
            storeFor(settingsAt(URI.create("http://127.0.0.1:" + silent.getLocalPort())))) {
      assertEveryCallFailsInTime(hung);
    }
  }

  private static void assertEveryCallFailsInTime(S3DocumentStore failing) {
    String key = newKey();
    assertFailsInTime(() -> failing.put(key, randomBytes(1000)), key);
    assertFailsInTime(() -> failing.get(key), key);
    assertFailsInTime(() -> failing.exists(key), key);
    assertFailsInTime(() -> failing.delete(key), key);
  }

  /** A DocumentStoreException that names the key, within the timeout; not NotFound, and no hang. */
  private static void assertFailsInTime(ThrowingCallable call, String mentioned) {
    long start = System.nanoTime();
    assertTimeoutPreemptively(
        SHORT_TIMEOUT.plus(SLACK).plus(SLACK),
        () ->
            assertThatThrownBy(call)
                .isInstanceOf(DocumentStoreException.class)
                .isNotInstanceOf(DocumentStoreException.NotFound.class)
                .hasMessageContaining(mentioned));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SHORT_TIMEOUT.plus(SLACK));
  }

  private static StorageProperties.S3 settingsAt(URI endpoint) {
    InProcessS3.Endpoint real = server.endpoint();
    return new InProcessS3.Endpoint(endpoint, real.accessKey(), real.secretKey())
        .settings("unreachable", SHORT_TIMEOUT);
  }

  private static S3DocumentStore storeFor(StorageProperties.S3 settings) {
    S3Client client = S3DocumentStore.client(settings);
    return new S3DocumentStore(client, settings.bucket());
  }
}

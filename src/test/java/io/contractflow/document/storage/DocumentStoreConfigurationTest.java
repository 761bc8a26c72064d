package io.contractflow.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The store that the properties select, wired by Spring as the application does, without the rest
 * of it.
 */
class DocumentStoreConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(StorageProperties.class)
  static class Properties {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(Properties.class, DocumentStoreConfiguration.class);

  @TempDir Path directory;

  @Test
  void filesystemIsTheDefault() {
    context
        .withPropertyValues("contractflow.documents.storage.filesystem.root=" + directory)
        .run(
            app ->
                assertThat(app.getBean(DocumentStore.class))
                    .isInstanceOf(FilesystemDocumentStore.class)
                    .extracting(DocumentStore::describe)
                    .isEqualTo("filesystem:" + directory.toAbsolutePath()));
  }

  @Test
  void s3StoreCreatesItsBucketAndIsClosedWithTheContext() {
    InProcessS3.Endpoint s3 = InProcessS3.startShared();
    String bucket = "wired-" + UUID.randomUUID();
    String key = "documents/" + UUID.randomUUID() + "/" + UUID.randomUUID();
    DocumentStore[] seen = new DocumentStore[1];

    context
        .withPropertyValues(
            "contractflow.documents.storage.type=s3",
            "contractflow.documents.storage.s3.endpoint=" + s3.uri(),
            "contractflow.documents.storage.s3.bucket=" + bucket,
            "contractflow.documents.storage.s3.access-key=" + s3.accessKey(),
            "contractflow.documents.storage.s3.secret-key=" + s3.secretKey(),
            "contractflow.documents.storage.s3.timeout=5s")
        .run(
            app -> {
              assertThat(app).hasNotFailed();
              DocumentStore store = app.getBean(DocumentStore.class);
              assertThat(store).isInstanceOf(S3DocumentStore.class);
              assertThat(store.describe()).isEqualTo("s3:" + bucket);
              store.put(key, new byte[] {1, 2, 3}); // the bucket exists
              assertThat(store.get(key)).containsExactly(1, 2, 3);
              seen[0] = store;
            });

    // the context is closed now, and with it the S3 client: the SDK's timeout scheduler is gone
    assertThatThrownBy(() -> seen[0].exists(key)).isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void unreachableS3StopsTheStart() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort(); // free once closed: connections are refused
    }
    context
        .withPropertyValues(
            "contractflow.documents.storage.type=s3",
            "contractflow.documents.storage.s3.endpoint=http://127.0.0.1:" + closedPort,
            "contractflow.documents.storage.s3.access-key=key",
            "contractflow.documents.storage.s3.secret-key=secret",
            "contractflow.documents.storage.s3.timeout=2s")
        .run(
            app ->
                assertThat(app)
                    .hasFailed()
                    .getFailure()
                    .hasRootCauseInstanceOf(ConnectException.class)
                    .hasStackTraceContaining("DocumentStoreException"));
  }
}

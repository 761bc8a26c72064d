package io.contractflow.audit;

import io.contractflow.document.storage.S3DocumentStore;
import io.contractflow.document.storage.StorageProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@link AnchorStore} that {@code contractflow.audit.anchors.store} selects. The S3 store takes
 * every client setting it leaves empty from the document store's, and the documents' bucket when it
 * names none.
 */
@Configuration(proxyBeanMethods = false)
class AnchorStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AnchorStoreConfiguration.class);

  /** Spring closes the S3 store (and its client) on shutdown: it is {@link AutoCloseable}. */
  @Bean
  AnchorStore anchorStore(AnchorProperties anchors, StorageProperties documents, Clock clock) {
    AnchorStore store =
        switch (anchors.store()) {
          case DIRECTORY -> new DirectoryAnchorStore(anchors.directory());
          case S3 -> s3(anchors.s3(), documents, clock);
        };
    log.info("Audit anchors are kept in {}", store.describe());
    return store;
  }

  private static S3AnchorStore s3(
      AnchorProperties.S3 settings, StorageProperties documents, Clock clock) {
    StorageProperties.S3 client = clientSettings(settings, documents.s3());
    if (settings.lockMode() != null
        && documents.type() == StorageProperties.Type.S3
        && client.bucket().equals(documents.s3().bucket())
        && same(settings.endpoint(), documents.s3().endpoint())) {
      // object lock turns on versioning: deleted documents would stay as old versions
      throw new IllegalStateException(
          "contractflow.audit.anchors.s3.lock-mode needs a bucket of its own"
              + " (contractflow.audit.anchors.s3.bucket): documents must stay deletable");
    }
    S3Client s3 = S3DocumentStore.client(client);
    try {
      S3AnchorStore store =
          new S3AnchorStore(
              s3,
              client.bucket(),
              settings.prefix(),
              settings.lockMode(),
              settings.lockRetention(),
              clock);
      store.ensureBucket();
      return store;
    } catch (RuntimeException e) {
      s3.close(); // the bean never comes to exist, so Spring would not close it
      throw e;
    }
  }

  private static boolean same(Object anchors, Object documents) {
    return anchors == null || anchors.equals(documents);
  }

  /** The anchors' client settings, each empty one the documents'. */
  static StorageProperties.S3 clientSettings(
      AnchorProperties.S3 anchors, StorageProperties.S3 documents) {
    return new StorageProperties.S3(
        anchors.endpoint() != null ? anchors.endpoint() : documents.endpoint(),
        blank(anchors.region()) ? documents.region() : anchors.region(),
        blank(anchors.bucket()) ? documents.bucket() : anchors.bucket(),
        blank(anchors.accessKey()) ? documents.accessKey() : anchors.accessKey(),
        blank(anchors.accessKey()) ? documents.secretKey() : anchors.secretKey(),
        anchors.pathStyle() != null ? anchors.pathStyle() : documents.pathStyle(),
        anchors.timeout() != null ? anchors.timeout() : documents.timeout());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

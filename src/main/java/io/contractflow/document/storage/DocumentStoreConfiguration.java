package io.contractflow.document.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/** The {@link DocumentStore} that {@code contractflow.documents.storage.type} selects. */
@Configuration(proxyBeanMethods = false)
public class DocumentStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DocumentStoreConfiguration.class);

  /**
   * The store. Spring infers the destroy method from the instance: the S3 store is {@link
   * AutoCloseable} and so its client is closed on shutdown; the filesystem store holds nothing to
   * close.
   */
  @Bean
  DocumentStore documentStore(StorageProperties properties) {
    DocumentStore store =
        switch (properties.type()) {
          case FILESYSTEM -> new FilesystemDocumentStore(properties.filesystem().root());
          case S3 -> s3(properties.s3());
        };
    log.info("Documents are stored in {}", store.describe());
    return store;
  }

  private static S3DocumentStore s3(StorageProperties.S3 settings) {
    S3Client client = S3DocumentStore.client(settings);
    try {
      S3DocumentStore store = new S3DocumentStore(client, settings.bucket());
      store.ensureBucket();
      return store;
    } catch (RuntimeException e) {
      client.close(); // the bean never comes to exist, so Spring would not close it
      throw e;
    }
  }
}

package io.contractflow.document.storage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document store that configuration names. */
@Configuration(proxyBeanMethods = false)
class DocumentStoreConfiguration {

  @Bean
  DocumentStore documentStore(StorageProperties properties) {
    return switch (properties.type()) {
      case FILESYSTEM -> new FilesystemDocumentStore(properties.filesystem().root());
      case S3 -> throw new IllegalStateException("The S3 document store is not available in this build");
    };
  }
}

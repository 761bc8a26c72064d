package io.contractflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.document.storage.StorageProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The anchor store that the settings select: the directory by default; the S3 store with the
 * documents' client settings where its own are empty; a lock mode never on the documents' bucket.
 */
class AnchorStoreConfigurationTest {

  private static final StorageProperties.S3 DOCUMENTS =
      new StorageProperties.S3(
          URI.create("http://minio:9000"),
          "eu-central-1",
          "contractflow-documents",
          "documents-key",
          "documents-secret",
          true,
          Duration.ofSeconds(30));

  @Test
  void theDirectoryStoreWritesEachAnchorOnce(@TempDir Path directory) {
    AnchorStore store =
        new AnchorStoreConfiguration()
            .anchorStore(
                anchors(AnchorProperties.Store.DIRECTORY, directory, s3(null, null)),
                documents(StorageProperties.Type.FILESYSTEM),
                Clock.systemUTC());

    assertThat(store).isInstanceOf(DirectoryAnchorStore.class);
    store.write("anchor-20261207T220000.000Z-555555555555.json", new byte[] {'{', '}'});
    assertThat(store.names()).containsExactly("anchor-20261207T220000.000Z-555555555555.json");
    assertThatThrownBy(
            () -> store.write("anchor-20261207T220000.000Z-555555555555.json", new byte[] {'x'}))
        .isInstanceOf(AnchorStore.AnchorExists.class);
    assertThat(store.read("anchor-20261207T220000.000Z-555555555555.json"))
        .containsExactly('{', '}');
  }

  @Test
  void emptyS3SettingsAreTheDocuments() {
    StorageProperties.S3 inherited =
        AnchorStoreConfiguration.clientSettings(s3(null, null), DOCUMENTS);
    assertThat(inherited).isEqualTo(DOCUMENTS);

    AnchorProperties.S3 own =
        new AnchorProperties.S3(
            "contractflow-audit-anchors",
            "audit-anchors/",
            URI.create("https://s3.eu-central-1.amazonaws.com"),
            null,
            "anchors-key",
            "anchors-secret",
            false,
            null,
            null,
            Duration.ofDays(1));
    assertThat(AnchorStoreConfiguration.clientSettings(own, DOCUMENTS))
        .isEqualTo(
            new StorageProperties.S3(
                URI.create("https://s3.eu-central-1.amazonaws.com"),
                "eu-central-1",
                "contractflow-audit-anchors",
                "anchors-key",
                "anchors-secret",
                false,
                Duration.ofSeconds(30)));
  }

  @Test
  void composesEmptyVariablesMeanNoLockAndTheDocumentsBucket() {
    AnchorProperties bound =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of(
                        "contractflow.audit.anchors.store", "s3",
                        "contractflow.audit.anchors.s3.bucket", "",
                        "contractflow.audit.anchors.s3.lock-mode", "",
                        "contractflow.audit.anchors.s3.lock-retention", "P3653D")))
            .bindOrCreate("contractflow.audit.anchors", AnchorProperties.class);

    assertThat(bound.store()).isEqualTo(AnchorProperties.Store.S3);
    assertThat(bound.s3().lockMode()).isNull();
    assertThat(bound.s3().prefix()).isEqualTo("audit-anchors/");
    assertThat(AnchorStoreConfiguration.clientSettings(bound.s3(), DOCUMENTS).bucket())
        .isEqualTo("contractflow-documents");
  }

  @Test
  void aLockModeOnTheDocumentsBucketIsRefused(@TempDir Path directory) {
    assertThatThrownBy(
            () ->
                new AnchorStoreConfiguration()
                    .anchorStore(
                        anchors(
                            AnchorProperties.Store.S3,
                            directory,
                            s3(null, AnchorProperties.LockMode.COMPLIANCE)),
                        documents(StorageProperties.Type.S3),
                        Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contractflow.audit.anchors.s3.bucket");
  }

  private static AnchorProperties anchors(
      AnchorProperties.Store store, Path directory, AnchorProperties.S3 s3) {
    return new AnchorProperties(true, store, directory, Duration.ofHours(1), s3);
  }

  private static AnchorProperties.S3 s3(String bucket, AnchorProperties.LockMode mode) {
    return new AnchorProperties.S3(
        bucket, "audit-anchors/", null, null, null, null, null, null, mode, Duration.ofDays(1));
  }

  private static StorageProperties documents(StorageProperties.Type type) {
    return new StorageProperties(type, new StorageProperties.Filesystem(Path.of("x")), DOCUMENTS);
  }
}

package io.contractflow.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem store against the contract, plus where its files go. */
class FilesystemDocumentStoreTest extends DocumentStoreContract {

  /**
   * The store's root is a folder inside this one, so files put outside the root would show up here.
   */
  @TempDir Path parent;

  private Path root;
  private FilesystemDocumentStore store;

  @BeforeEach
  void createStore() {
    root = parent.resolve("root");
    store = new FilesystemDocumentStore(root);
  }

  @Override
  protected DocumentStore store() {
    return store;
  }

  @Test
  void aMissingRootIsNotAvailable() throws IOException {
    Files.move(root, parent.resolve("elsewhere")); // e.g. a volume that is not mounted
    assertThatThrownBy(store::checkAvailable)
        .isInstanceOf(DocumentStoreException.class)
        .hasMessageContaining("does not exist");
  }

  @Override
  protected String absoluteKey() {
    return parent.resolve("outside").toAbsolutePath().toString();
  }

  @Override
  protected void assertNothingWrittenOutside() {
    assertThat(entries(parent)).containsExactly(root);
    assertThat(entries(root)).isEmpty();
  }

  @Test
  void objectIsAFileAtTheKeysPathUnderTheRoot() throws IOException {
    String key = newKey();
    byte[] content = randomBytes(1000);

    store.put(key, content);

    assertThat(Files.readAllBytes(root.resolve(key))).isEqualTo(content);
  }

  @Test
  void writesLeaveNoTemporaryFiles() {
    String key = newKey();
    store.put(key, randomBytes(1000));
    store.put(key, randomBytes(2000));

    assertThat(entries(root.resolve(key).getParent())).containsExactly(root.resolve(key));
  }

  @Test
  void createsTheRootWhenMissing() {
    Path deeper = parent.resolve("a/b/c");

    new FilesystemDocumentStore(deeper).put(newKey(), randomBytes(1));

    assertThat(deeper).isDirectory();
  }

  @Test
  void keyThatNamesADirectoryIsNoObject() {
    String key = newKey();
    store.put(key, randomBytes(10));
    String directory = key.substring(0, key.lastIndexOf('/'));

    assertThat(store.exists(directory)).isFalse();
    assertThatThrownBy(() -> store.get(directory))
        .isInstanceOf(DocumentStoreException.NotFound.class);
    store.delete(directory);
    assertThat(store.exists(key)).isTrue();
  }

  @Test
  void failedWriteIsADocumentStoreException() {
    String key = newKey();
    store.put(key, randomBytes(10));

    // the object is a file, so nothing can go below it
    assertThatThrownBy(() -> store.put(key + "/below", randomBytes(10)))
        .isInstanceOf(DocumentStoreException.class)
        .hasMessageContaining(key + "/below");
  }

  @Test
  void describesTheRoot() {
    assertThat(store.describe()).isEqualTo("filesystem:" + root.toAbsolutePath().normalize());
  }

  private static List<Path> entries(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

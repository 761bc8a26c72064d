package io.contractflow.document.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link DocumentStore} must do. A subclass provides the store; each test uses keys of
 * its own, so the store may be shared and may hold other objects.
 */
abstract class DocumentStoreContract {

  private static final Random RANDOM = new Random();

  /** The store under test. */
  protected abstract DocumentStore store();

  /**
   * Called after refused keys were tried: a store checks here that nothing was written anywhere.
   */
  protected void assertNothingWrittenOutside() {}

  /**
   * An absolute path as a key. A filesystem store points it at a scratch folder outside its root:
   * should the check ever break, the test then writes there, where it is seen, and never over a
   * real file such as {@code /etc/passwd} (tests run as root in CI).
   */
  protected String absoluteKey() {
    return "/documents/outside";
  }

  /** A key as the server generates them. */
  protected static String newKey() {
    return "documents/" + UUID.randomUUID() + "/" + UUID.randomUUID();
  }

  protected static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 64 * 1024, 5 * 1024 * 1024})
  void returnsWhatWasPut(int size) {
    String key = newKey();
    byte[] content = randomBytes(size);

    store().put(key, content);

    assertThat(store().get(key)).isEqualTo(content);
  }

  @Test
  void putReplacesAnExistingObject() {
    String key = newKey();
    store().put(key, randomBytes(10_000));
    byte[] second = randomBytes(300);

    store().put(key, second);

    assertThat(store().get(key)).isEqualTo(second);
  }

  @Test
  void keysAreIndependent() {
    String first = newKey();
    String second = newKey();
    byte[] content = randomBytes(100);

    store().put(first, content);

    assertThat(store().exists(second)).isFalse();
    assertThat(store().get(first)).isEqualTo(content);
  }

  @Test
  void existsTellsWhetherAnObjectIsStored() {
    String key = newKey();
    assertThat(store().exists(key)).isFalse();

    store().put(key, randomBytes(10));

    assertThat(store().exists(key)).isTrue();
  }

  @Test
  void deletedObjectIsGone() {
    String key = newKey();
    store().put(key, randomBytes(10));

    store().delete(key);

    assertThat(store().exists(key)).isFalse();
    assertThatThrownBy(() -> store().get(key)).isInstanceOf(DocumentStoreException.NotFound.class);
  }

  @Test
  void deletingAMissingObjectIsFine() {
    assertThatCode(() -> store().delete(newKey())).doesNotThrowAnyException();
  }

  @Test
  void getOfAMissingObjectIsNotFound() {
    String key = newKey();
    assertThatThrownBy(() -> store().get(key))
        .isInstanceOf(DocumentStoreException.NotFound.class)
        .hasMessageContaining(key);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "documents/",
        "documents//a",
        "documents/./a",
        ".",
        "..",
        "../outside",
        "documents/../../outside",
        "documents/a/..",
        "documents\\..\\..\\outside",
        "C:\\outside",
        "documents\\a",
        "documents/a\u0000b",
        "documents/a\nb",
        "documents/a\rb",
        "documents/a\tb",
        "documents/\u007f",
        "documents/a b",
        "documents/a.pdf",
        "documents/ü",
        "~/outside",
        "documents/%2e%2e/outside"
      })
  void refusesKeysTheServerWouldNeverGenerate(String key) {
    assertEveryOperationRefuses(key);
  }

  @Test
  void refusesAbsoluteKeys() {
    assertEveryOperationRefuses(absoluteKey());
  }

  /** put, get, exists and delete all refuse the key, and nothing lands outside the store. */
  private void assertEveryOperationRefuses(String key) {
    assertRefused(() -> store().put(key, randomBytes(10)));
    assertRefused(() -> store().get(key));
    assertRefused(() -> store().exists(key));
    assertRefused(() -> store().delete(key));
    assertNothingWrittenOutside();
  }

  @Test
  void refusesOverlongAndNullKeys() {
    String overlong = "documents/" + "a".repeat(StorageKeys.MAX_LENGTH);
    assertRefused(() -> store().put(overlong, randomBytes(10)));
    assertRefused(() -> store().put(null, randomBytes(10)));
    assertRefused(() -> store().get(null));
  }

  @Test
  void aWorkingStoreIsAvailable() {
    store().checkAvailable();
  }

  @Test
  void describesItself() {
    assertThat(store().describe()).isNotBlank();
  }

  /** Refused, which is not the same as absent. */
  private static void assertRefused(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(DocumentStoreException.class)
        .isNotInstanceOf(DocumentStoreException.NotFound.class)
        .hasMessageContaining("Refused");
  }
}

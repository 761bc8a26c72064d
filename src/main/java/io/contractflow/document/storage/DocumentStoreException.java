package io.contractflow.document.storage;

/** The store could not do what was asked: unreachable, refused, or timed out. */
public class DocumentStoreException extends RuntimeException {

  public DocumentStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public DocumentStoreException(String message) {
    super(message);
  }

  /** No object under that key. */
  public static class NotFound extends DocumentStoreException {
    public NotFound(String key) {
      super("No stored object under key " + key);
    }
  }
}

package io.contractflow.document.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Objects as files under a root directory: key {@code documents/a/b} is the file {@code
 * <root>/documents/a/b}. A write is atomic and durable: a reader sees the old or the new content,
 * never a torn file, also after a crash.
 */
public class FilesystemDocumentStore implements DocumentStore {

  /**
   * Temporary files carry a dot, which no valid key has, so they can never be mistaken for an
   * object.
   */
  private static final String TEMP_PREFIX = ".tmp-";

  private final Path root;

  public FilesystemDocumentStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new DocumentStoreException("Cannot create the document directory " + this.root, e);
    }
  }

  @Override
  public void put(String key, byte[] content) {
    Path target = resolve(key);
    Path directory = target.getParent();
    Path temp = null;
    try {
      Files.createDirectories(directory);
      // same directory as the target, so the rename below stays on one filesystem and can be atomic
      temp = Files.createTempFile(directory, TEMP_PREFIX, ".part");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true); // the bytes are on disk before the name points at them
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      syncDirectory(directory);
    } catch (IOException e) {
      throw new DocumentStoreException("Could not store key " + key + " under " + root, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  @Override
  public byte[] get(String key) {
    Path file = resolve(key);
    try {
      if (!Files.isRegularFile(file)) {
        throw new DocumentStoreException.NotFound(key);
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DocumentStoreException.NotFound(key); // deleted between the check and the read
    } catch (IOException e) {
      throw new DocumentStoreException("Could not read key " + key + " under " + root, e);
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(resolve(key));
  }

  @Override
  public void delete(String key) {
    Path file = resolve(key);
    try {
      // only files: a key that names a directory of other objects is no object. Empty directories
      // stay, since
      // removing them would race with a put into the same directory.
      if (Files.isRegularFile(file)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new DocumentStoreException("Could not delete key " + key + " under " + root, e);
    }
  }

  /** The root directory exists (a volume that is not mounted shows here) and may be written. */
  @Override
  public void checkAvailable() {
    if (!Files.isDirectory(root)) {
      throw new DocumentStoreException("The document directory " + root + " does not exist");
    }
    if (!Files.isWritable(root)) {
      throw new DocumentStoreException("The document directory " + root + " is not writable");
    }
  }

  @Override
  public String describe() {
    return "filesystem:" + root;
  }

  /** The file of a key; the key is checked first, and the result must still lie inside the root. */
  private Path resolve(String key) {
    Path file = root.resolve(StorageKeys.check(key)).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new DocumentStoreException(
          "Refused storage key outside the document directory: " + key);
    }
    return file;
  }

  /**
   * Makes the rename itself durable. Not every platform can open a directory (Windows cannot): best
   * effort.
   */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // the file itself is synced; only the rename might be lost in a crash on such a platform
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // a leftover temporary file is harmless: it can never be read as an object
      }
    }
  }
}

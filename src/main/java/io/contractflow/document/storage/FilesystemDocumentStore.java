package io.contractflow.document.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/** Objects as files under one root directory; writes are atomic (temp file, fsync, rename). */
public class FilesystemDocumentStore implements DocumentStore {

  private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

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
    Path target = path(key);
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(content);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new DocumentStoreException("Cannot store " + key, e);
    }
  }

  @Override
  public byte[] get(String key) {
    try {
      return Files.readAllBytes(path(key));
    } catch (NoSuchFileException e) {
      throw new DocumentStoreException.NotFound(key);
    } catch (IOException e) {
      throw new DocumentStoreException("Cannot read " + key, e);
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(path(key));
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(path(key));
    } catch (IOException e) {
      throw new DocumentStoreException("Cannot delete " + key, e);
    }
  }

  @Override
  public String describe() {
    return "filesystem:" + root;
  }

  /** Keys are server-generated; still, nothing but plain segments may reach the filesystem. */
  private Path path(String key) {
    if (key == null || !SAFE_KEY.matcher(key).matches()) {
      throw new DocumentStoreException("Refused an unsafe storage key");
    }
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new DocumentStoreException("Refused an unsafe storage key");
    }
    return path;
  }
}

package io.contractflow.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Anchors as files in a directory, each created new (never overwritten) and then made read-only.
 */
final class DirectoryAnchorStore implements AnchorStore {

  private final Path directory;

  DirectoryAnchorStore(Path directory) {
    this.directory = directory;
  }

  @Override
  public void write(String name, byte[] content) {
    Path file = directory.resolve(name);
    try {
      Files.createDirectories(directory);
      Files.write(file, content, StandardOpenOption.CREATE_NEW);
      file.toFile().setReadOnly();
    } catch (FileAlreadyExistsException e) {
      throw new AnchorExists(name);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the audit anchor " + file, e);
    }
  }

  @Override
  public List<String> names() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(directory)) {
      return list.map(p -> p.getFileName().toString())
          .filter(AnchorStore::isAnchor)
          .sorted(Comparator.reverseOrder())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[] read(String name) {
    try {
      return Files.readAllBytes(directory.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String describe() {
    return "directory:" + directory.toAbsolutePath().normalize();
  }
}

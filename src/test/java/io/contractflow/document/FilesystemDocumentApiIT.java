package io.contractflow.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;

/**
 * The document API on the filesystem store (the embedded default), looking at the files it wrote.
 */
class FilesystemDocumentApiIT extends DocumentApiContract {

  @Value("${contractflow.documents.storage.filesystem.root}")
  Path root;

  @Override
  protected Map<String, byte[]> storedObjects() {
    Map<String, byte[]> objects = new TreeMap<>();
    if (!Files.exists(root)) {
      return objects;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              file -> {
                try {
                  objects.put(
                      root.relativize(file).toString().replace('\\', '/'),
                      Files.readAllBytes(file));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }
}

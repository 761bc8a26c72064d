package io.contractflow.document.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class loader that S3Mock runs in. S3Mock's executable jar (on the test classpath) keeps its
 * classes and its libraries (its own Spring Boot, Jackson XML, AWS SDK, Tomcat) nested under {@code
 * BOOT-INF/}, where our classpath does not see them. They are unpacked once under {@code
 * target/s3mock/} and loaded by a loader whose parent is the JDK's platform loader, so S3Mock sees
 * nothing of ours (classes, auto-configuration, application.yml) and we see nothing of its.
 */
final class S3MockClassLoader {

  static final String APPLICATION = "com.adobe.testing.s3mock.S3MockApplication";

  private static ClassLoader loader;

  private S3MockClassLoader() {}

  /** One loader per JVM: loading S3Mock's classes once is enough for any number of servers. */
  static synchronized ClassLoader get() {
    if (loader == null) {
      Path unpacked = unpack(executableJar());
      List<URL> classPath = new ArrayList<>();
      classPath.add(url(unpacked.resolve("classes")));
      try (Stream<String> index =
          Files.lines(unpacked.resolve("classpath.idx"), StandardCharsets.UTF_8)) {
        // in the jar's own order, as Spring Boot's launcher would
        index
            .map(line -> line.replaceAll("^- \"BOOT-INF/lib/(.+)\"$", "$1"))
            // Spring's spring-jcl provides the same API; with both, Spring prints a warning at
            // every start
            .filter(jar -> !jar.startsWith("commons-logging-"))
            .forEach(jar -> classPath.add(url(unpacked.resolve("lib").resolve(jar))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      loader =
          new URLClassLoader(
              "s3mock", classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
    return loader;
  }

  /** The S3Mock jar, found through a class inside it. */
  private static Path executableJar() {
    URL inside =
        S3MockClassLoader.class
            .getClassLoader()
            .getResource("BOOT-INF/classes/" + APPLICATION.replace('.', '/') + ".class");
    if (inside == null) {
      throw new IllegalStateException(
          "com.adobe.testing:s3mock with classifier exec is not on the test classpath");
    }
    try {
      return Path.of(((JarURLConnection) inside.openConnection()).getJarFileURL().toURI());
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the S3Mock jar from " + inside, e);
    }
  }

  /**
   * Unpacks once per jar version: into a fresh folder first, then renamed into place, so that no
   * JVM ever uses a half-unpacked folder.
   */
  private static Path unpack(Path jar) {
    Path target =
        buildDirectory()
            .resolve("s3mock")
            .resolve(jar.getFileName().toString().replace(".jar", ""));
    if (Files.isDirectory(target)) {
      return target;
    }
    try {
      Files.createDirectories(target.getParent());
      Path fresh = Files.createTempDirectory(target.getParent(), "unpacking-");
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (ZipEntry entry : zip.stream().toList()) {
          Path file = destination(fresh, entry.getName());
          if (file != null && !entry.isDirectory()) {
            Files.createDirectories(file.getParent());
            try (InputStream in = zip.getInputStream(entry)) {
              Files.copy(in, file);
            }
          }
        }
      }
      try {
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        deleteTree(fresh); // another JVM was quicker
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack " + jar, e);
    }
  }

  /** Where an entry of the jar goes, or null for the launcher and metadata that are not needed. */
  private static Path destination(Path root, String name) {
    Path file =
        name.startsWith("BOOT-INF/lib/")
            ? root.resolve("lib").resolve(name.substring("BOOT-INF/lib/".length()))
            : name.startsWith("BOOT-INF/classes/")
                ? root.resolve("classes").resolve(name.substring("BOOT-INF/classes/".length()))
                : name.equals("BOOT-INF/classpath.idx") ? root.resolve("classpath.idx") : null;
    return file != null && file.normalize().startsWith(root) ? file : null;
  }

  /**
   * {@code target/}: the parent of {@code target/test-classes}, where this class was compiled to.
   */
  private static Path buildDirectory() {
    try {
      return Path.of(
              S3MockClassLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}

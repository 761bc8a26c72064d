package io.contractflow.imports;

import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.RejectedContentException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an import's ZIP into its files, refusing the whole archive before anything is stored when
 * it is not one to unpack: not a ZIP, empty, more entries than allowed or unpacking to more than
 * allowed (zip bombs: sizes are counted while unpacking, not read from the headers), names that
 * leave the folder, nested archives, files that are not PDF or DOCX by name. Folders inside the ZIP
 * are fine (their files are named by their path); the clutter archivers add ({@code __MACOSX/},
 * hidden files such as {@code .DS_Store}) is skipped. Each file is then checked like any upload by
 * its import process.
 */
final class ImportArchive {

  /** One file of the archive: its path inside it and its bytes. */
  record Entry(String name, byte[] content) {}

  private static final Set<String> ARCHIVES =
      Set.of("zip", "jar", "7z", "rar", "tar", "gz", "tgz", "bz2", "xz");

  private ImportArchive() {}

  /** The archive's files, all in memory (small archives, tests). */
  static List<Entry> read(byte[] zip, ImportProperties limits, long maxFileSize) {
    List<Entry> entries = new ArrayList<>();
    read(new ByteArrayInputStream(zip), zip.length, limits, maxFileSize, entries::add);
    return entries;
  }

  /**
   * Unpacks the archive from a stream, handing each file to {@code files} as soon as it is read, so
   * that only one file is in memory at a time; a refusal is thrown once it is found, or, for files
   * that are not PDF or DOCX, after all are named: the caller undoes what it did with the files
   * handed before (its transaction).
   *
   * @param zipSize the archive's size in bytes (for the compression ratio)
   * @return how many files were handed on
   */
  static int read(
      InputStream zip,
      long zipSize,
      ImportProperties limits,
      long maxFileSize,
      Consumer<Entry> files) {
    List<String> refused = new ArrayList<>();
    Set<String> names = new HashSet<>();
    long unpacked = 0;
    int seen = 0;
    int handed = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream in = new ZipInputStream(zip)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (++seen > limits.maxFiles()) {
          throw tooLarge("The ZIP holds more than " + limits.maxFiles() + " entries");
        }
        String name = entry.getName();
        if (unsafe(name)) {
          throw invalid("The ZIP holds an entry with an unsafe name: " + printable(name));
        }
        if (entry.isDirectory() || skipped(name)) {
          continue;
        }
        String extension = extension(name);
        if (ARCHIVES.contains(extension)) {
          refused.add(name + " (archives inside the ZIP are not unpacked)");
          continue;
        }
        if (!extension.equals("pdf") && !extension.equals("docx")) {
          refused.add(name + " (only .pdf and .docx files are imported)");
          continue;
        }
        if (!names.add(name.toLowerCase(Locale.ROOT))) {
          throw invalid("The ZIP holds " + printable(name) + " twice");
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
          unpacked += n;
          if (unpacked > limits.maxUnpackedSize().toBytes()) {
            throw tooLarge("The ZIP unpacks to more than " + limits.maxUnpackedSize());
          }
          if (content.size() + n > maxFileSize) {
            throw tooLarge(
                printable(name) + " is larger than " + maxFileSize + " bytes, the upload limit");
          }
          content.write(buffer, 0, n);
        }
        if (refused.isEmpty()) {
          try {
            files.accept(new Entry(name, content.toByteArray()));
          } catch (RuntimeException failed) {
            throw new HandedOn(failed);
          }
          handed++;
        }
      }
    } catch (HandedOn failed) {
      throw failed.failure;
    } catch (IOException | IllegalArgumentException e) {
      throw invalid("The archive is not a readable ZIP: " + e.getMessage());
    }
    if (!refused.isEmpty()) {
      throw new InvalidInputException(
          "unsupported-archive-entries",
          refused.size()
              + " entries of the ZIP cannot be imported; only PDF and DOCX files: "
              + String.join(
                  "; ", refused.stream().limit(20).map(ImportArchive::printable).toList()),
          refused.stream().limit(100).map(r -> new FieldError("archive", printable(r))).toList());
    }
    if (handed == 0) {
      throw invalid("The ZIP holds no PDF or DOCX file");
    }
    if (unpacked / Math.max(1, zipSize) > limits.maxCompressionRatio()) {
      throw tooLarge("The ZIP is compressed more than " + limits.maxCompressionRatio() + ":1");
    }
    return handed;
  }

  /** What the receiver of a file threw, past the catch of what the ZIP throws. */
  private static final class HandedOn extends RuntimeException {
    private final RuntimeException failure;

    HandedOn(RuntimeException failure) {
      super(failure);
      this.failure = failure;
    }
  }

  private static boolean unsafe(String name) {
    return name.isEmpty()
        || name.startsWith("/")
        || name.contains("\\")
        || name.contains("\0")
        || (name.length() > 1 && name.charAt(1) == ':')
        || List.of(name.split("/")).contains("..");
  }

  private static boolean skipped(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return name.startsWith("__MACOSX/") || base.startsWith(".");
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The file's name without its folders. */
  static String baseName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static String printable(String text) {
    String shown =
        text.codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
  }

  private static InvalidInputException invalid(String detail) {
    return new InvalidInputException(
        "invalid-archive", detail, List.of(new FieldError("archive", detail)));
  }

  private static RejectedContentException tooLarge(String detail) {
    return new RejectedContentException(
        RejectedContentException.Reason.TOO_LARGE, "archive-too-large", detail);
  }
}

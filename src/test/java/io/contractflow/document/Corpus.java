package io.contractflow.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed test corpus under src/test/resources/documents. */
public final class Corpus {

  public static final String PDF = "application/pdf";
  public static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private Corpus() {}

  public static byte[] sample(String name) {
    return read("samples/" + name);
  }

  public static byte[] hostile(String name) {
    return read("hostile/" + name);
  }

  private static byte[] read(String name) {
    try {
      return Files.readAllBytes(Path.of("src/test/resources/documents", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A hostile upload: the file, the name and type it is sent with, and the status it must get. */
  public record HostileFile(String file, String sentAs, String declaredType, int status) {
    @Override
    public String toString() {
      return file + " as " + sentAs + " (" + declaredType + ")";
    }
  }

  public static java.util.List<HostileFile> hostileFiles() {
    return java.util.List.of(
        new HostileFile("encrypted.pdf", "encrypted.pdf", PDF, 415),
        new HostileFile("encrypted-owner-only.pdf", "encrypted-owner-only.pdf", PDF, 415),
        new HostileFile("malformed.pdf", "malformed.pdf", PDF, 415),
        new HostileFile("truncated.pdf", "truncated.pdf", PDF, 415),
        new HostileFile("javascript.pdf", "javascript.pdf", PDF, 415),
        new HostileFile("embedded-file.pdf", "embedded-file.pdf", PDF, 415),
        new HostileFile("launch-open-action.pdf", "launch-open-action.pdf", PDF, 415),
        new HostileFile("launch-page-open.pdf", "launch-page-open.pdf", PDF, 415),
        new HostileFile("javascript-link.pdf", "javascript-link.pdf", PDF, 415),
        new HostileFile("too-many-pages.pdf", "too-many-pages.pdf", PDF, 413),
        new HostileFile("executable.pdf", "executable.pdf", PDF, 415),
        new HostileFile("executable.pdf", "setup.exe", "application/x-msdownload", 415),
        new HostileFile("html.pdf", "html.pdf", PDF, 415),
        new HostileFile("docx-named.pdf", "docx-named.pdf", PDF, 415),
        new HostileFile("pdf-named.docx", "pdf-named.docx", DOCX, 415),
        new HostileFile("archive.docx", "archive.docx", DOCX, 415),
        new HostileFile("plain.zip", "plain.zip", "application/zip", 415),
        new HostileFile("macro.docx", "macro.docx", DOCX, 415),
        new HostileFile("zip-slip.docx", "zip-slip.docx", DOCX, 415),
        new HostileFile("zip-bomb.docx", "zip-bomb.docx", DOCX, 413),
        new HostileFile("empty.pdf", "empty.pdf", PDF, 415),
        // page images are accepted as scans, but only as what they are, whole and of a sane size
        new HostileFile("image.png", "image.pdf", PDF, 415),
        new HostileFile("image.png", "image.jpg", "image/jpeg", 415),
        new HostileFile("image.png", "image.png", "image/jpeg", 415),
        new HostileFile("truncated.png", "truncated.png", "image/png", 415),
        new HostileFile("image-bomb.png", "image-bomb.png", "image/png", 413),
        new HostileFile("executable.pdf", "scan.tif", "image/tiff", 415),
        new HostileFile("../samples/nda.pdf", "nda.pdf", "image/png", 415),
        new HostileFile("../samples/nda.pdf", "nda.pdf", "application/octet-stream", 415),
        new HostileFile("../samples/nda.pdf", "nda.docx", DOCX, 415),
        new HostileFile("../samples/nda.pdf", "nda", PDF, 415));
  }
}

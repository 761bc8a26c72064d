package io.contractflow.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes the test corpus under src/test/resources/documents: sample contracts, and hostile files
 * that the upload must refuse. Run once when the corpus changes; the files are committed, so the
 * tests do not depend on this code.
 *
 * <pre>./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.contractflow.document.CorpusGenerator
 * </pre>
 */
public final class CorpusGenerator {

  static final String NDA_TEXT =
      "This Mutual Non-Disclosure Agreement is made between Acme GmbH and Globex Ltd. "
          + "Each party shall keep the Confidential Information of the other party secret for three years.";
  static final String NDA_TEXT_V2 =
      "This Mutual Non-Disclosure Agreement is made between Acme GmbH and Globex Ltd. "
          + "Each party shall keep the Confidential Information of the other party strictly secret for five years.";

  public static void main(String[] args) throws IOException {
    Path samples = Path.of("src/test/resources/documents/samples");
    Path hostile = Path.of("src/test/resources/documents/hostile");
    Files.createDirectories(samples);
    Files.createDirectories(hostile);

    byte[] pdf = pdf(List.of(NDA_TEXT));
    Files.write(samples.resolve("nda.pdf"), pdf);
    Files.write(samples.resolve("nda-v2.pdf"), pdf(List.of(NDA_TEXT_V2)));
    byte[] docx = docx(NDA_TEXT);
    Files.write(samples.resolve("nda.docx"), docx);

    Files.write(hostile.resolve("encrypted.pdf"), encrypted(pdf, "user-secret"));
    Files.write(hostile.resolve("encrypted-owner-only.pdf"), encrypted(pdf, ""));
    Files.write(
        hostile.resolve("malformed.pdf"),
        "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage\n%%EOF"
            .getBytes(StandardCharsets.US_ASCII));
    Files.write(hostile.resolve("truncated.pdf"), java.util.Arrays.copyOf(pdf, pdf.length / 3));
    Files.write(hostile.resolve("javascript.pdf"), withJavaScript());
    Files.write(hostile.resolve("embedded-file.pdf"), withEmbeddedFile());
    writeActionSamples(hostile);
    Files.write(hostile.resolve("too-many-pages.pdf"), blankPages(1001));
    Files.write(hostile.resolve("executable.pdf"), executable());
    Files.write(
        hostile.resolve("html.pdf"),
        "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.US_ASCII));
    Files.write(hostile.resolve("docx-named.pdf"), docx);
    Files.write(hostile.resolve("pdf-named.docx"), pdf);
    Files.write(
        hostile.resolve("archive.docx"), zip(new String[][] {{"readme.txt", "just an archive"}}));
    Files.write(
        hostile.resolve("plain.zip"), zip(new String[][] {{"readme.txt", "just an archive"}}));
    Files.write(
        hostile.resolve("macro.docx"),
        withExtraEntry(docx, "word/vbaProject.bin", new byte[] {1, 2, 3, 4}));
    Files.write(
        hostile.resolve("zip-slip.docx"),
        withExtraEntry(docx, "../../evil.sh", "rm -rf /".getBytes()));
    Files.write(
        hostile.resolve("zip-bomb.docx"),
        withExtraEntry(docx, "word/media/bomb.bin", new byte[300 * 1024 * 1024]));
    Files.write(hostile.resolve("empty.pdf"), new byte[0]);
    Files.write(hostile.resolve("image.png"), png());
    System.out.println("corpus written");
  }

  static byte[] pdf(List<String> pages) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
          content.newLineAtOffset(50, 700);
          content.setLeading(14);
          for (String line : wrap(text, 95)) {
            content.showText(line);
            content.newLine();
          }
          content.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() + word.length() + 1 > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(text);
      doc.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] encrypted(byte[] pdf, String userPassword) throws IOException {
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] withJavaScript() throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
      doc.save(out);
      return out.toByteArray();
    }
  }

  /**
   * PDFs whose actions launch a program or run a script from places other than the document's
   * names.
   */
  static void writeActionSamples(Path hostile) throws IOException {
    Files.write(hostile.resolve("launch-open-action.pdf"), withLaunchOnOpen());
    Files.write(hostile.resolve("launch-page-open.pdf"), withLaunchWhenAPageOpens());
    Files.write(hostile.resolve("javascript-link.pdf"), withJavaScriptLink());
  }

  private static PDActionLaunch launchCalculator() {
    PDActionLaunch launch = new PDActionLaunch();
    PDComplexFileSpecification program = new PDComplexFileSpecification();
    program.setFile("C:\\Windows\\System32\\calc.exe");
    launch.setFile(program);
    return launch;
  }

  private static byte[] withLaunchOnOpen() throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      doc.getDocumentCatalog().setOpenAction(launchCalculator());
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] withLaunchWhenAPageOpens() throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      PDPageAdditionalActions actions = new PDPageAdditionalActions();
      actions.setO(launchCalculator());
      page.setActions(actions);
      doc.addPage(page);
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] withJavaScriptLink() throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      PDAnnotationLink link = new PDAnnotationLink();
      link.setRectangle(new PDRectangle(50, 700, 200, 20));
      link.setAction(new PDActionJavaScript("app.launchURL('https://attacker.example/', true);"));
      page.setAnnotations(List.of(link));
      doc.addPage(page);
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] withEmbeddedFile() throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile("payload.exe");
      spec.setEmbeddedFile(
          new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream("MZ payload".getBytes())));
      PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
      tree.setNames(java.util.Map.of("payload.exe", spec));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      doc.getDocumentCatalog().setNames(names);
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] blankPages(int count) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < count; i++) {
        doc.addPage(new PDPage());
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] executable() {
    byte[] pe = new byte[1024];
    pe[0] = 'M';
    pe[1] = 'Z';
    pe[0x3c] = (byte) 0x80;
    pe[0x80] = 'P';
    pe[0x81] = 'E';
    return pe;
  }

  private static byte[] png() {
    return new byte[] {
      (byte) 0x89,
      'P',
      'N',
      'G',
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      0x0d,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      1,
      8,
      2,
      0,
      0,
      0,
      (byte) 0x90,
      0x77,
      0x53,
      (byte) 0xde
    };
  }

  private static byte[] zip(String[][] entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String[] entry : entries) {
        zip.putNextEntry(new ZipEntry(entry[0]));
        zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** A copy of a DOCX with one more part. */
  private static byte[] withExtraEntry(byte[] docx, String name, byte[] content)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipInputStream in =
            new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}

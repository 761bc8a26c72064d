package io.contractflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.extraction.ContractCorpus;
import io.contractflow.platform.error.DomainException;
import io.contractflow.platform.web.ApiException;
import java.time.Duration;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

/** The upload rules on their own, file by file (the API test sends the same corpus over HTTP). */
class UploadInspectorTest {

  private static final UploadInspector inspector =
      new UploadInspector(
          TikaConfig.getDefaultConfig().getDetector(),
          new DocumentProperties(
              DataSize.ofMegabytes(25),
              1000,
              DataSize.ofMegabytes(200),
              100,
              2000,
              5_000_000,
              Duration.ofSeconds(60),
              40_000_000L));

  static java.util.List<Corpus.HostileFile> hostileFiles() {
    return Corpus.hostileFiles();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void refusesHostileFiles(Corpus.HostileFile hostile) {
    byte[] content = Corpus.hostile(hostile.file());

    assertThatThrownBy(() -> inspector.inspect(hostile.sentAs(), hostile.declaredType(), content))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(ApiException.from(e).status().value()).isEqualTo(hostile.status());
              assertThat(e.getMessage()).isNotBlank();
            });
  }

  @Test
  void acceptsRealContractsAndCountsPdfPages() {
    UploadInspector.Inspected pdf =
        inspector.inspect("nda.pdf", Corpus.PDF, Corpus.sample("nda.pdf"));
    UploadInspector.Inspected docx =
        inspector.inspect("NDA.DOCX", Corpus.DOCX, Corpus.sample("nda.docx"));

    assertThat(pdf.type()).isEqualTo(DocumentType.PDF);
    assertThat(pdf.pageCount()).isEqualTo(1);
    assertThat(docx.type()).isEqualTo(DocumentType.DOCX);
  }

  @Test
  void keepsOnlyASafeFileName() {
    assertThat(
            inspector
                .inspect("../../etc/passwd.pdf", Corpus.PDF, Corpus.sample("nda.pdf"))
                .fileName())
        .isEqualTo("passwd.pdf");
    assertThat(
            inspector
                .inspect("C:\\Users\\x\\Vertrag Müller.pdf", Corpus.PDF, Corpus.sample("nda.pdf"))
                .fileName())
        .isEqualTo("Vertrag Müller.pdf");
    assertThat(
            inspector
                .inspect("a\u0000b\r\n\u202Egpj.pdf", Corpus.PDF, Corpus.sample("nda.pdf"))
                .fileName())
        .isEqualTo("abgpj.pdf");
    assertThat(
            inspector
                .inspect("\"quoted\";<x>.pdf", Corpus.PDF, Corpus.sample("nda.pdf"))
                .fileName())
        .isEqualTo("_quoted_x_.pdf");
    assertThat(
            inspector
                .inspect("x".repeat(500) + ".pdf", Corpus.PDF, Corpus.sample("nda.pdf"))
                .fileName())
        .hasSize(FileNames.MAX_LENGTH)
        .endsWith(".pdf");
  }

  @Test
  void acceptsScannedPagesAsPngJpegAndMultiPageTiff() throws Exception {
    String page = "Scanned contract page";
    UploadInspector.Inspected png =
        inspector.inspect("scan.png", "image/png", ContractCorpus.pageImage(page, "png"));
    UploadInspector.Inspected jpeg =
        inspector.inspect("scan.JPEG", "image/jpeg", ContractCorpus.pageImage(page, "jpeg"));
    UploadInspector.Inspected tiff = inspector.inspect("scan.tif", "image/tiff", twoPageTiff(page));

    assertThat(png.type()).isEqualTo(DocumentType.PNG);
    assertThat(png.pageCount()).isEqualTo(1);
    assertThat(jpeg.type()).isEqualTo(DocumentType.JPEG);
    assertThat(tiff.type()).isEqualTo(DocumentType.TIFF);
    assertThat(tiff.pageCount()).isEqualTo(2);
  }

  private static byte[] twoPageTiff(String text) throws java.io.IOException {
    java.awt.image.BufferedImage page = ContractCorpus.pageImages(text).get(0);
    javax.imageio.ImageWriter writer =
        javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (javax.imageio.stream.ImageOutputStream stream =
        javax.imageio.ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.prepareWriteSequence(null);
      writer.writeToSequence(new javax.imageio.IIOImage(page, null, null), null);
      writer.writeToSequence(new javax.imageio.IIOImage(page, null, null), null);
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}

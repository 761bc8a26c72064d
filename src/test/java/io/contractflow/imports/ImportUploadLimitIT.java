package io.contractflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * An import's archive may be larger than any other upload: up to {@code
 * contractflow.imports.max-archive-size} (40MB in the tests, 512MB by default) where a document
 * upload stops at the multipart limit (26MB). A larger archive is refused with a 413 problem and
 * nothing is stored, and other uploads keep their limit.
 */
class ImportUploadLimitIT extends IntegrationTest {

  private static final int MB = 1024 * 1024;

  private final Random random = new Random();

  @Test
  void anArchiveLargerThanOtherUploadsIsImported() {
    var entries = ContractFiles.entries();
    entries.put("scans/large-1.pdf", paddedPdf(15 * MB));
    entries.put("scans/large-2.pdf", paddedPdf(15 * MB));
    byte[] zip = ContractFiles.zip(entries);
    assertThat(zip.length).isGreaterThan(29 * MB);

    Api.Response started = upload(zip);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    assertThat(started.json().get("total").asInt()).isEqualTo(2);
    JsonNode done =
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> api.as("admin").get("/api/imports/" + started.json().get("id").asText()),
                r -> r.json().get("done").asInt() == 2)
            .json();
    done.get("files")
        .forEach(
            f ->
                assertThat(f.get("status").asText())
                    .as(f.toString())
                    .isEqualTo("AWAITING_VERIFICATION"));
    String contract = done.get("files").get(0).get("contractId").asText();
    JsonNode documents = api.as("admin").get("/api/contracts/" + contract + "/documents").json();
    assertThat(documents.get(0).get("size").asLong()).isGreaterThan(15L * MB);
  }

  @Test
  void anArchiveOverItsLimitIs413AndNothingIsStored() {
    int before = api.as("admin").get("/api/imports?limit=200").json().size();
    var entries = ContractFiles.entries();
    for (int i = 0; i < 3; i++) {
      entries.put("large-" + i + ".pdf", paddedPdf(14 * MB));
    }
    byte[] zip = ContractFiles.zip(entries);
    assertThat(zip.length).isBetween(40 * MB, 46 * MB);

    // its length within the request's limit (archive, CSV, envelope): the archive part is too large
    Api.Response refused = upload(zip);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
    assertThat(refused.contentType()).startsWith("application/problem+json");

    // no declared length (chunked): refused as the upload passes the archive's limit
    Api.Response chunked =
        api.as("admin")
            .chunked()
            .multipart(
                "/api/imports",
                List.of(new Api.Part("archive", "large.zip", "application/zip", zip)));
    assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
    assertThat(chunked.contentType()).startsWith("application/problem+json");

    // a declared length over the request's limit: refused before it is read
    byte[] more = new byte[48 * MB];
    System.arraycopy(zip, 0, more, 0, zip.length);
    Api.Response early = upload(more);
    assertThat(early.status()).as(early.toString()).isEqualTo(413);
    assertThat(early.contentType()).startsWith("application/problem+json");

    assertThat(api.as("admin").get("/api/imports?limit=200").json().size())
        .as("nothing was stored")
        .isEqualTo(before);
  }

  @Test
  void otherUploadsKeepTheirLimit() {
    String contract = createContract("rita").get("id").asText();
    Api.Response refused =
        api.as("rita")
            .upload(
                "/api/contracts/" + contract + "/documents",
                "large.pdf",
                "application/pdf",
                paddedPdf(30 * MB));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
    assertThat(api.as("rita").get("/api/contracts/" + contract + "/documents").json()).isEmpty();
  }

  private Api.Response upload(byte[] zip) {
    return api.as("admin")
        .multipart(
            "/api/imports", List.of(new Api.Part("archive", "large.zip", "application/zip", zip)));
  }

  /** A one-page signed contract carrying {@code padding} bytes of noise (as a scan's images do). */
  private byte[] paddedPdf(int padding) {
    byte[] noise = new byte[padding];
    random.nextBytes(noise);
    try (PDDocument pdf =
            Loader.loadPDF(
                ContractFiles.pdf(
                    "Equipment lease " + UUID.randomUUID(), "Signed by both parties on paper."));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      COSStream stream = pdf.getDocument().createCOSStream();
      try (OutputStream raw = stream.createRawOutputStream()) {
        raw.write(noise);
      }
      pdf.getPage(0).getCOSObject().setItem(COSName.getPDFName("CFPadding"), stream);
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

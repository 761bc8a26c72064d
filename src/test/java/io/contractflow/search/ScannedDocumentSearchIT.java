package io.contractflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.extraction.ContractCorpus;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scans over HTTP: a PDF of page images without a text layer, and a page image, get their text by
 * OCR at upload and are found by a word in them; the health component {@code ocr} says so. Needs
 * Tesseract ({@code apt-get install tesseract-ocr tesseract-ocr-eng}; {@code .ci/run} installs it).
 */
class ScannedDocumentSearchIT extends IntegrationTest {

  private static final Duration CATCH_UP = Duration.ofSeconds(60);

  /** Letters Tesseract does not confuse with each other or with digits. */
  private static final String LETTERS = "abcdefghkmnprstuvwxyz";

  private static final SecureRandom RANDOM = new SecureRandom();

  @BeforeEach
  void tesseractIsInstalled() {
    JsonNode ocr = health().get("components").get("ocr");
    assertThat(ocr.get("status").asText()).isEqualTo("UP");
    assumeTrue(
        ocr.get("details").get("available").asBoolean(), "Tesseract is not installed here: " + ocr);
  }

  @Test
  void aScannedPdfIsFoundByAWordInIt() {
    String word = word();
    String id = createContract("rita").get("id").asText();
    byte[] scan =
        ContractCorpus.scannedPdf(
            "MASTER SERVICES AGREEMENT\n"
                + "Clause 7. The supplier shall keep the "
                + word
                + " escrow account funded at all times.\n"
                + "Clause 8. Either party may terminate for convenience on ninety days notice.");

    Api.Response upload =
        api.as("rita")
            .upload("/api/contracts/" + id + "/documents", "scan.pdf", "application/pdf", scan);

    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    assertThat(upload.json().get("textStatus").asText()).isEqualTo("EXTRACTED");
    JsonNode hit = awaitHit("rita", word);
    assertThat(hit.get("id").asText()).isEqualTo(id);
    assertThat(hit.get("highlights").get("documentText").get(0).asText())
        .contains("<em>" + word + "</em>");
    // the requester's own contract: nobody else finds it by its scanned text
    assertThat(search("ravi", word).get("total").asLong()).isZero();
  }

  @Test
  void aScannedPageImageIsFoundByAWordInIt() {
    String word = word();
    String id = createContract("rita").get("id").asText();
    byte[] png =
        ContractCorpus.pageImage(
            "LEASE AGREEMENT\nThe tenant shall pay the " + word + " service charge quarterly.",
            "png");

    Api.Response upload =
        api.as("rita")
            .upload("/api/contracts/" + id + "/documents", "page-1.png", "image/png", png);

    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    assertThat(upload.json().get("mediaType").asText()).isEqualTo("image/png");
    assertThat(upload.json().get("pageCount").asInt()).isEqualTo(1);
    assertThat(awaitHit("rita", word).get("id").asText()).isEqualTo(id);
  }

  private JsonNode awaitHit(String user, String word) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(CATCH_UP)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              last[0] = search(user, word);
              assertThat(last[0].get("total").asLong()).as(last[0].toString()).isEqualTo(1);
            });
    return last[0].get("hits").get(0);
  }

  private JsonNode search(String user, String word) {
    Api.Response response = api.as(user).get("/api/search/contracts?q=" + word);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private JsonNode health() {
    Api.Response health = api.as("admin").get("/actuator/health");
    assertThat(health.status()).as(health.toString()).isIn(200, 503);
    return health.json();
  }

  /** A word no other test uses, of letters OCR reads without doubt. */
  private static String word() {
    StringBuilder word = new StringBuilder("zq");
    for (int i = 0; i < 9; i++) {
      word.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    }
    return word.toString();
  }
}

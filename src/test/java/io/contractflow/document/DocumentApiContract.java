package io.contractflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.support.Api;
import io.contractflow.support.Bytes;
import io.contractflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents over HTTP, the same on every storage backend: versions, downloads, text, compare,
 * access, the hostile corpus, and encryption at rest. Subclasses say where the bytes are and how to
 * look at them raw.
 */
abstract class DocumentApiContract extends IntegrationTest {

  protected String contractId;

  /** Every stored object, key → raw bytes as the store holds them. */
  protected abstract Map<String, byte[]> storedObjects();

  @BeforeEach
  void aDraft() {
    contractId = createContract("rita").get("id").asText();
  }

  private String documents() {
    return "/api/contracts/" + contractId + "/documents";
  }

  private Api.Response upload(String user, String name, String type, byte[] content) {
    return api.as(user).upload(documents(), name, type, content);
  }

  @Test
  void uploadsBecomeVersionsWithHashTextAndACurrentOne() throws Exception {
    byte[] v1 = Corpus.sample("nda.pdf");
    Api.Response first = upload("rita", "Mutual NDA.pdf", Corpus.PDF, v1);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    JsonNode version = first.json();
    assertThat(version.get("version").asInt()).isEqualTo(1);
    assertThat(version.get("fileName").asText()).isEqualTo("Mutual NDA.pdf");
    assertThat(version.get("mediaType").asText()).isEqualTo(Corpus.PDF);
    assertThat(version.get("size").asLong()).isEqualTo(v1.length);
    assertThat(version.get("sha256").asText()).isEqualTo(sha256(v1));
    assertThat(version.get("uploadedBy").asText()).isEqualTo("rita");
    assertThat(version.get("pageCount").asInt()).isEqualTo(1);
    assertThat(version.get("textStatus").asText()).isEqualTo("EXTRACTED");
    assertThat(version.get("current").asBoolean()).isTrue();

    Api.Response second = upload("rita", "nda.docx", Corpus.DOCX, Corpus.sample("nda.docx"));
    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    assertThat(second.json().get("version").asInt()).isEqualTo(2);

    JsonNode list = api.as("rita").get(documents()).json();
    assertThat(list).extracting(v -> v.get("version").asInt()).containsExactly(2, 1);
    assertThat(list).extracting(v -> v.get("current").asBoolean()).containsExactly(true, false);

    assertThat(api.as("rita").get(documents() + "/1/text").body())
        .contains("Mutual Non-Disclosure Agreement");
    assertThat(api.as("rita").get(documents() + "/2/text").body())
        .contains("Confidential Information");

    Api.Response back =
        api.as("rita").put(documents() + "/current", JSON.createObjectNode().put("version", 1));
    assertThat(back.status()).isEqualTo(200);
    assertThat(api.as("rita").get(documents()).json())
        .extracting(v -> v.get("current").asBoolean())
        .containsExactly(false, true);
  }

  @Test
  void downloadsAreTheSameBytesAsAttachmentsThatBrowsersWillNotSniff() {
    byte[] v1 = Corpus.sample("nda.pdf");
    upload("rita", "../../etc/Vertrag <Müller>.pdf", Corpus.PDF, v1);

    Api.BinaryResponse download = api.as("rita").download(documents() + "/1/content");

    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(v1);
    assertThat(download.headers().firstValue("Content-Type")).hasValue(Corpus.PDF);
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
    assertThat(disposition)
        .isEqualTo(
            "attachment; filename=\"Vertrag _M_ller_.pdf\"; filename*=UTF-8''Vertrag%20_M%C3%BCller_.pdf");
  }

  @Test
  void aPdfOpensInTheBrowserWhenAskedAndOtherTypesStayAttachments() {
    byte[] pdf = Corpus.sample("nda.pdf");
    upload("rita", "nda.pdf", Corpus.PDF, pdf);
    upload("rita", "nda.docx", Corpus.DOCX, Corpus.sample("nda.docx"));

    Api.BinaryResponse shown = api.as("rita").download(documents() + "/1/content?inline=true");
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.body()).isEqualTo(pdf);
    assertThat(shown.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("inline; filename=\"nda.pdf\"");
    assertThat(shown.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(shown.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'");

    Api.BinaryResponse docx = api.as("rita").download(documents() + "/2/content?inline=true");
    assertThat(docx.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;");
    assertThat(api.as("ravi").download(documents() + "/1/content?inline=true").status())
        .isEqualTo(404);
  }

  @Test
  void storedBytesAreEncrypted() {
    byte[] v1 = Corpus.sample("nda.docx");
    upload("rita", "nda.docx", Corpus.DOCX, v1);
    String id = api.as("rita").get(documents() + "/1").json().get("id").asText();

    Map.Entry<String, byte[]> stored =
        storedObjects().entrySet().stream()
            .filter(e -> e.getKey().endsWith(id))
            .findFirst()
            .orElseThrow();
    assertThat(stored.getKey()).isEqualTo("documents/" + contractId + "/" + id);
    assertThat(Bytes.indexOf(stored.getValue(), java.util.Arrays.copyOfRange(v1, 0, 64)))
        .isEqualTo(-1);
    assertThat(new String(stored.getValue(), StandardCharsets.ISO_8859_1))
        .doesNotContain("word/document.xml")
        .startsWith("CFE1");
  }

  @Test
  void redlinesShowWhatChanged() {
    upload("rita", "nda.pdf", Corpus.PDF, Corpus.sample("nda.pdf"));
    upload("rita", "nda-v2.pdf", Corpus.PDF, Corpus.sample("nda-v2.pdf"));

    JsonNode redline = api.as("rita").get(documents() + "/compare?from=1&to=2").json();
    assertThat(redline.get("wordsInserted").asInt()).isEqualTo(2);
    assertThat(redline.get("wordsDeleted").asInt()).isEqualTo(1);
    List<String> inserted = new java.util.ArrayList<>();
    List<String> deleted = new java.util.ArrayList<>();
    redline
        .get("segments")
        .forEach(
            s -> {
              if (s.get("op").asText().equals("INSERT")) {
                inserted.add(s.get("text").asText().strip());
              } else if (s.get("op").asText().equals("DELETE")) {
                deleted.add(s.get("text").asText().strip());
              }
            });
    assertThat(String.join(" ", inserted)).contains("strictly").contains("five");
    assertThat(deleted).containsExactly("three");

    Api.Response html =
        api.as("rita").header("Accept", "text/html").get(documents() + "/compare?from=1&to=2");
    assertThat(html.contentType()).startsWith("text/html");
    assertThat(html.body())
        .contains("<del>three</del>")
        .contains("<ins>")
        .contains("2 words inserted");
  }

  @Test
  void aDraftGeneratedFromATemplateIsStoredAsDocxAndPdf() {
    var request = JSON.createObjectNode().put("template", "mutual-nda");
    request
        .putObject("variables")
        .put("companyName", "ContractFlow Demo Ltd")
        .put("purpose", "evaluating a partnership")
        .put("governingLaw", "England and Wales");

    Api.Response generated = api.as("rita").post(documents() + "/generate", request);

    assertThat(generated.status()).as(generated.toString()).isEqualTo(201);
    JsonNode list = api.as("rita").get(documents()).json();
    assertThat(list)
        .extracting(v -> v.get("mediaType").asText())
        .containsExactly(Corpus.PDF, Corpus.DOCX);
    for (int version = 1; version <= 2; version++) {
      Api.BinaryResponse file = api.as("rita").download(documents() + "/" + version + "/content");
      assertThat(file.status()).isEqualTo(200);
      String text = api.as("rita").get(documents() + "/" + version + "/text").body();
      assertThat(text).contains("England and Wales").doesNotContain("{{");
    }
    assertThat(storedObjects().keySet())
        .filteredOn(k -> k.startsWith("documents/" + contractId))
        .hasSize(2);
  }

  @Test
  void accessFollowsTheContract() {
    upload("rita", "nda.pdf", Corpus.PDF, Corpus.sample("nda.pdf"));

    assertThat(api.as("ravi").get(documents()).status()).isEqualTo(404);
    assertThat(api.as("ravi").download(documents() + "/1/content").status()).isEqualTo(404);
    assertThat(upload("ravi", "nda.pdf", Corpus.PDF, Corpus.sample("nda.pdf")).status())
        .isEqualTo(404);
    assertThat(api.as("audrey").download(documents() + "/1/content").status()).isEqualTo(200);
    assertThat(upload("audrey", "nda.pdf", Corpus.PDF, Corpus.sample("nda.pdf")).status())
        .isEqualTo(403);
    assertThat(api.anonymous().get(documents()).status()).isEqualTo(401);

    api.as("rita").post("/api/contracts/" + contractId + "/cancel", null);
    assertThat(upload("rita", "nda.pdf", Corpus.PDF, Corpus.sample("nda.pdf")).status())
        .isEqualTo(409);
    assertThat(api.as("rita").get(documents()).json()).hasSize(1);
  }

  static List<Corpus.HostileFile> hostileFiles() {
    return Corpus.hostileFiles();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void theHostileCorpusIsRefusedAndNothingStoredChanges(Corpus.HostileFile hostile) {
    upload("rita", "nda.pdf", Corpus.PDF, Corpus.sample("nda.pdf"));
    Map<String, byte[]> before = storedObjects();
    String listBefore = api.as("rita").get(documents()).body();

    Api.Response refused =
        upload("rita", hostile.sentAs(), hostile.declaredType(), Corpus.hostile(hostile.file()));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(hostile.status());
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("detail").asText()).isNotBlank();
    assertThat(api.as("rita").get(documents()).body()).isEqualTo(listBefore);
    Map<String, byte[]> after = storedObjects();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((key, bytes) -> assertThat(after.get(key)).isEqualTo(bytes));
  }

  @Test
  void anUploadOverTheSizeLimitIs413() {
    byte[] big = new byte[26 * 1024 * 1024];
    Api.Response refused = upload("rita", "big.pdf", Corpus.PDF, big);
    assertThat(refused.status()).isEqualTo(413);
    assertThat(api.as("rita").get(documents()).json()).isEmpty();
  }

  @Test
  void aMissingFilePartOrVersionIsAClearError() {
    assertThat(api.as("rita").send("POST", documents(), "{}", "application/json").status())
        .isEqualTo(415);
    assertThat(api.as("rita").get(documents() + "/7").status()).isEqualTo(404);
    assertThat(api.as("rita").get(documents() + "/0").status()).isEqualTo(400);
    assertThat(api.as("rita").get(documents() + "/compare?from=1&to=2").status()).isEqualTo(404);
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}

package io.contractflow.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in signer over HTTP: signers set by the owner, requests sent as the process does (SigningService in a
 * transaction), signers acting through their links only — JSON API and HTML page — and the sealed result.
 */
class SigningIT extends IntegrationTest {

  private static final String USER_AGENT = "ContractFlow-IT/1.0 (signing)";

  @Autowired SigningService signing;
  @Autowired TransactionTemplate transactions;
  @Autowired SignerRepository signerRepository;
  @Autowired BuiltInSignatureProvider builtIn;
  @Autowired JdbcTemplate jdbc;
  @Autowired SealKey sealKey;

  private String contractId;
  private String reference;
  private final byte[] pdf = Corpus.sample("nda.pdf");

  @BeforeEach
  void aDraftWithAPdf() {
    JsonNode contract = createContract("rita");
    contractId = contract.get("id").asText();
    reference = contract.get("reference").asText();
    Api.Response upload = api.as("rita").upload("/api/contracts/" + contractId + "/documents", "nda.pdf", Corpus.PDF, pdf);
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
  }

  // --- helpers -------------------------------------------------------------------------------------------------

  private static ObjectNode signers(String mode, Object... nameEmailOrder) {
    ObjectNode body = JSON.createObjectNode().put("mode", mode);
    ArrayNode list = body.putArray("signers");
    for (int i = 0; i < nameEmailOrder.length; i += 3) {
      list.addObject().put("name", (String) nameEmailOrder[i]).put("email", (String) nameEmailOrder[i + 1])
          .put("order", (Integer) nameEmailOrder[i + 2]);
    }
    return body;
  }

  private Api.Response putSigners(String user, ObjectNode body) {
    return api.as(user).put("/api/contracts/" + contractId + "/signers", body);
  }

  private UUID send() {
    return transactions.execute(status -> signing.send(UUID.fromString(contractId), "it"));
  }

  private JsonNode view(String user) {
    Api.Response response = api.as(user).get("/api/contracts/" + contractId + "/signing");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** The signer's token, as the owner would forward it (or mail will deliver it) — also before their turn. */
  private String tokenOf(UUID requestId, int position) {
    URI link = transactions.execute(status ->
        builtIn.link(signerRepository.findByRequestIdOrderByPosition(requestId).get(position)));
    return tokenFrom(link.toString());
  }

  private static String tokenFrom(String link) {
    assertThat(link).startsWith("http://localhost:8080/sign/");
    return link.substring(link.lastIndexOf('/') + 1);
  }

  private Api.Call signer() {
    return api.anonymous().header("User-Agent", USER_AGENT);
  }

  private Api.Response sign(String token, String typedName) {
    return signer().post("/api/signing/" + token + "/sign",
        JSON.createObjectNode().put("typedName", typedName).put("consent", true));
  }

  private Api.Response form(String path, String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(body.isEmpty() ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return signer().send("POST", path, body.toString(), "application/x-www-form-urlencoded");
  }

  private static void assertProblem(Api.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  // --- flows ---------------------------------------------------------------------------------------------------

  @Test
  void sequentialSignersSignInTurnAndTheSealedPdfBecomesTheCurrentVersion() throws Exception {
    Api.Response set = putSigners("rita", signers("SEQUENTIAL", "Ann Signer", "ann@example.com", 1, "Bob Signer", "bob@example.com", 2));
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().get("configured").asBoolean()).isTrue();

    UUID requestId = send();
    assertThat(send()).as("a retried send finds the open request").isEqualTo(requestId);

    JsonNode sent = view("rita");
    assertThat(sent.get("requestId").asText()).isEqualTo(requestId.toString());
    assertThat(sent.get("status").asText()).isEqualTo("OPEN");
    assertThat(sent.get("mode").asText()).isEqualTo("SEQUENTIAL");
    assertThat(sent.get("signers").get(0).get("turn").asBoolean()).isTrue();
    assertThat(sent.get("signers").get(1).get("turn").asBoolean()).isFalse();
    assertThat(sent.get("signers").get(1).has("link")).as("no link before the signer's turn").isFalse();
    String ann = tokenFrom(sent.get("signers").get(0).get("link").asText());
    String bob = tokenOf(requestId, 1);

    JsonNode bobsView = signer().get("/api/signing/" + bob).json();
    assertThat(bobsView.get("contractReference").asText()).isEqualTo(reference);
    assertThat(bobsView.get("signerName").asText()).isEqualTo("Bob Signer");
    assertThat(bobsView.get("yourTurn").asBoolean()).isFalse();
    assertThat(bobsView.get("waitingFor")).extracting(JsonNode::asText).containsExactly("Ann Signer");
    assertProblem(sign(bob, "Bob Signer"), 409);

    Api.BinaryResponse document = signer().download("/api/signing/" + ann + "/document");
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.body()).isEqualTo(pdf);
    assertThat(document.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    assertThat(document.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    Api.Response annSigned = sign(ann, "Ann Signer");
    assertThat(annSigned.status()).as(annSigned.toString()).isEqualTo(200);
    assertThat(annSigned.json().get("signerStatus").asText()).isEqualTo("SIGNED");
    assertProblem(sign(ann, "Ann Signer"), 409);

    JsonNode afterAnn = view("rita");
    assertThat(afterAnn.get("signers").get(0).get("status").asText()).isEqualTo("SIGNED");
    assertThat(afterAnn.get("signers").get(0).has("signedAt")).isTrue();
    assertThat(afterAnn.get("signers").get(1).get("turn").asBoolean()).isTrue();
    assertThat(tokenFrom(afterAnn.get("signers").get(1).get("link").asText())).isEqualTo(bob);

    assertThat(sign(bob, "Bob Signer").status()).isEqualTo(200);
    assertThat(view("rita").get("status").asText()).isEqualTo("COMPLETED");

    UUID sealed = transactions.execute(status -> signing.seal(requestId));
    UUID sealedAgain = transactions.execute(status -> signing.seal(requestId));
    assertThat(sealedAgain).as("sealing again").isEqualTo(sealed);

    JsonNode versions = api.as("rita").get("/api/contracts/" + contractId + "/documents").json();
    assertThat(versions).hasSize(2);
    JsonNode current = versions.get(0);
    assertThat(current.get("id").asText()).isEqualTo(sealed.toString());
    assertThat(current.get("current").asBoolean()).isTrue();
    assertThat(current.get("fileName").asText()).isEqualTo(reference + "-signed.pdf");
    assertThat(current.get("uploadedBy").asText()).isEqualTo(SigningService.SEAL_ACTOR);
    byte[] signed = api.as("rita").download(current.get("contentUrl").asText()).body();

    PadesVerification.assertValidSeal(signed, sealKey.certificate());
    String certificate = PadesVerification.textFrom(signed, PadesVerification.pages(pdf) + 1);
    assertThat(certificate).contains(reference, SigningHashes.sha256(pdf), requestId.toString(),
        "Ann Signer <ann@example.com>", "Bob Signer <bob@example.com>", "127.0.0.1", "ContractFlow-IT/1.0");
    assertThat(view("rita").get("sealedVersionId").asText()).isEqualTo(sealed.toString());
  }

  @Test
  void parallelSignersSignInAnyOrder() {
    putSigners("rita", signers("PARALLEL", "Ann", "ann@example.com", 1, "Bob", "bob@example.com", 2));
    UUID requestId = send();

    JsonNode sent = view("rita");
    assertThat(sent.get("signers")).allSatisfy(s -> assertThat(s.get("turn").asBoolean()).isTrue());
    assertThat(sent.get("signers")).allSatisfy(s -> assertThat(s.has("link")).isTrue());

    assertThat(sign(tokenOf(requestId, 1), "Bob").status()).isEqualTo(200);
    assertThat(view("rita").get("status").asText()).isEqualTo("OPEN");
    assertThat(sign(tokenOf(requestId, 0), "Ann").status()).isEqualTo(200);
    assertThat(view("rita").get("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void withoutSignersTheCounterpartysContactSignsAlone() {
    JsonNode signers = api.as("rita").get("/api/contracts/" + contractId + "/signers").json();
    assertThat(signers.get("configured").asBoolean()).isFalse();
    assertThat(signers.get("signers")).hasSize(1);
    assertThat(signers.get("signers").get(0).get("email").asText()).isEqualTo("legal@example.com");

    send();

    JsonNode sent = view("rita");
    assertThat(sent.get("signers")).hasSize(1);
    assertThat(sent.get("signers").get(0).get("email").asText()).isEqualTo("legal@example.com");
  }

  @Test
  void aDeclineNeedsAReasonAndClosesEveryLink() {
    putSigners("rita", signers("PARALLEL", "Ann", "ann@example.com", 1, "Bob", "bob@example.com", 1));
    UUID requestId = send();
    String ann = tokenOf(requestId, 0);
    String bob = tokenOf(requestId, 1);

    assertProblem(signer().post("/api/signing/" + bob + "/decline", JSON.createObjectNode().put("reason", " ")), 400);
    assertProblem(signer().post("/api/signing/" + bob + "/decline", JSON.createObjectNode()), 400);

    Api.Response declined = signer().post("/api/signing/" + bob + "/decline",
        JSON.createObjectNode().put("reason", "The liability cap is missing"));
    assertThat(declined.status()).as(declined.toString()).isEqualTo(200);

    assertProblem(signer().get("/api/signing/" + ann), 410);
    assertProblem(sign(ann, "Ann"), 410);
    assertProblem(signer().get("/api/signing/" + bob), 410);
    JsonNode view = view("rita");
    assertThat(view.get("status").asText()).isEqualTo("DECLINED");
    assertThat(view.get("signers").get(1).get("declineReason").asText()).isEqualTo("The liability cap is missing");
    assertThat(view.get("signers").get(0).get("status").asText()).isEqualTo("CANCELLED");
    assertThat(view.get("signers").get(0).has("link")).isFalse();
  }

  @Test
  void expiredAndCancelledLinksAreGone() {
    UUID expiring = send();
    String token = tokenOf(expiring, 0);
    java.time.Instant expiresAt = transactions.execute(status -> signing.expiresAt(expiring));
    assertThat(expiresAt).isAfter(clock.instant().plusSeconds(13 * 86400));

    transactions.executeWithoutResult(status -> signing.expire(expiring));
    transactions.executeWithoutResult(status -> signing.expire(expiring));

    Api.Response gone = signer().get("/api/signing/" + token);
    assertProblem(gone, 410);
    assertThat(gone.json().get("type").asText()).isEqualTo("urn:contractflow:problem:signing-link-gone");
    assertThat(gone.json().get("detail").asText()).contains("expired");
    assertProblem(sign(token, "Legal"), 410);
    assertThat(signer().download("/api/signing/" + token + "/document").status()).isEqualTo(410);
    assertThat(signer().get("/sign/" + token).status()).isEqualTo(410);
    assertThat(view("rita").get("status").asText()).isEqualTo("EXPIRED");

    UUID cancelled = send();
    assertThat(cancelled).as("a new request once the last one expired").isNotEqualTo(expiring);
    String second = tokenOf(cancelled, 0);
    transactions.executeWithoutResult(status -> signing.cancel(cancelled, "Contract cancelled"));
    Api.Response cancelledLink = signer().get("/api/signing/" + second);
    assertProblem(cancelledLink, 410);
    assertThat(cancelledLink.json().get("detail").asText()).contains("cancelled");
  }

  @Test
  void unknownLinksAreNotFound() {
    assertProblem(signer().get("/api/signing/" + SigningTokens.newToken()), 404);
    assertProblem(signer().get("/api/signing/not-a-token"), 404);
    assertProblem(sign(SigningTokens.newToken(), "Anyone"), 404);
    assertThat(signer().download("/api/signing/" + SigningTokens.newToken() + "/document").status()).isEqualTo(404);
    Api.Response page = signer().get("/sign/" + SigningTokens.newToken());
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
  }

  @Test
  void signingWithoutConsentOrTypedNameIsABadRequest() {
    UUID requestId = send();
    String token = tokenOf(requestId, 0);

    assertProblem(signer().post("/api/signing/" + token + "/sign", JSON.createObjectNode().put("typedName", "Legal")), 400);
    assertProblem(signer().post("/api/signing/" + token + "/sign",
        JSON.createObjectNode().put("typedName", "Legal").put("consent", false)), 400);
    assertProblem(signer().post("/api/signing/" + token + "/sign",
        JSON.createObjectNode().put("typedName", "  ").put("consent", true)), 400);
    assertProblem(signer().post("/api/signing/" + token + "/sign",
        JSON.createObjectNode().put("typedName", "x".repeat(201)).put("consent", true)), 400);

    assertThat(signer().get("/api/signing/" + token).json().get("signerStatus").asText()).isEqualTo("PENDING");
  }

  @Test
  void onlyTheOwnerAndAdminsSetSignersAndOthersSeeNothingOrAreRefused() {
    String path = "/api/contracts/" + contractId + "/signers";
    ObjectNode body = signers("SEQUENTIAL", "Ann", "ann@example.com", 1);

    // cannot read the contract: 404, whatever the method
    assertProblem(api.as("ravi").get(path), 404);
    assertProblem(api.as("ravi").put(path, body), 404);
    assertProblem(api.as("leo").get(path), 404);
    assertProblem(api.as("ravi").get("/api/contracts/" + contractId + "/signing"), 404);
    assertThat(api.anonymous().get(path).status()).isEqualTo(401);

    // reads the contract but may not set its signers: 403
    assertThat(api.as("audrey").get(path).status()).isEqualTo(200);
    assertProblem(api.as("audrey").put(path, body), 403);
    JsonNode share = JSON.createObjectNode().put("principalType", "USER").put("principalId", "ravi").put("permission", "EDIT");
    assertThat(api.as("rita").put("/api/contracts/" + contractId + "/shares", share).status()).isEqualTo(200);
    assertProblem(api.as("ravi").get(path), 403);
    assertProblem(api.as("ravi").put(path, body), 403);

    assertThat(api.as("admin").put(path, body).status()).isEqualTo(200);
    assertThat(api.as("rita").get(path).json().get("updatedBy").asText()).isEqualTo("admin");

    send();
    assertThat(view("admin").get("signers").get(0).has("link")).isTrue();
    assertThat(view("audrey").get("signers").get(0).has("link")).as("auditors see no links").isFalse();
    assertProblem(api.as("ravi").get("/api/contracts/" + contractId + "/signing"), 403);
  }

  @Test
  void signersAreValidated() {
    assertProblem(putSigners("rita", signers("SEQUENTIAL")), 400);
    Object[] eleven = new Object[33];
    for (int i = 0; i < 11; i++) {
      eleven[3 * i] = "Signer " + i;
      eleven[3 * i + 1] = "s" + i + "@example.com";
      eleven[3 * i + 2] = 1;
    }
    assertProblem(putSigners("rita", signers("PARALLEL", eleven)), 400);
    assertProblem(putSigners("rita", signers("SEQUENTIAL", "Ann", "not-an-email", 1)), 400);
    assertProblem(putSigners("rita", signers("SEQUENTIAL", "x".repeat(201), "ann@example.com", 1)), 400);
    assertProblem(putSigners("rita", signers("SEQUENTIAL", " ", "ann@example.com", 1)), 400);
    assertProblem(putSigners("rita", signers("SEQUENTIAL", "Ann", "ann@example.com", 0)), 400);
    assertProblem(putSigners("rita", signers("SOMETIMES", "Ann", "ann@example.com", 1)), 400);
    Api.Response duplicate = putSigners("rita", signers("PARALLEL", "Ann", "ann@example.com", 1, "Ann", "ANN@example.com", 1));
    assertProblem(duplicate, 400);
    assertThat(duplicate.json().get("errors").get(0).get("field").asText()).isEqualTo("signers[1].email");
    assertThat(api.as("rita").get("/api/contracts/" + contractId + "/signers").json().get("configured").asBoolean())
        .as("nothing stored").isFalse();

    assertThat(api.as("rita").post("/api/contracts/" + contractId + "/cancel", null).status()).isLessThan(300);
    assertProblem(putSigners("rita", signers("SEQUENTIAL", "Ann", "ann@example.com", 1)), 409);
  }

  @Test
  void noPlaintextTokenIsStored() {
    putSigners("rita", signers("SEQUENTIAL", "Ann", "ann@example.com", 1, "Bob", "bob@example.com", 2));
    UUID requestId = send();
    String ann = tokenOf(requestId, 0);
    String bob = tokenOf(requestId, 1);
    sign(ann, "Ann");

    List<String> tables = jdbc.queryForList(
        "select table_name from information_schema.tables where table_schema = 'contractflow' and table_type = 'BASE TABLE'",
        String.class);
    assertThat(tables).contains("signing_signer", "signing_invitation", "signing_request");
    for (String token : List.of(ann, bob)) {
      String hex = HexFormat.of().formatHex(token.getBytes(StandardCharsets.US_ASCII));
      for (String table : tables) {
        Integer rows = jdbc.queryForObject("select count(*) from contractflow." + table + " t"
            + " where strpos(t::text, ?) > 0 or strpos(lower(t::text), ?) > 0", Integer.class, token, hex);
        assertThat(rows).as("rows of %s holding a token", table).isZero();
      }
      assertThat(jdbc.queryForObject("select count(*) from contractflow.signing_signer where token_sha256 = ?",
          Integer.class, SigningTokens.hash(token))).isEqualTo(1);
    }
  }

  @Test
  void theHtmlPageAloneIsEnoughToSignAndDecline() {
    String title = "NDA <script>alert('x')</script> & more";
    api.as("rita").ifMatch("\"" + api.as("rita").get("/api/contracts/" + contractId).json().get("version").asLong() + "\"")
        .put("/api/contracts/" + contractId, contractBody(api.as("rita").get("/api/contracts/" + contractId).json()
            .get("counterparty").get("id").asText()).put("title", title));
    putSigners("rita", signers("PARALLEL", "Ann <b>", "ann@example.com", 1, "Bob", "bob@example.com", 1));
    UUID requestId = send();
    String ann = tokenOf(requestId, 0);
    String bob = tokenOf(requestId, 1);

    Api.Response page = signer().get("/sign/" + ann);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("default-src 'none'", "form-action 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.body()).doesNotContain("<script", "<b>")
        .contains("NDA &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", "Ann &lt;b&gt;")
        .contains("action=\"/sign/" + ann + "/sign\"", "action=\"/sign/" + ann + "/decline\"",
            "href=\"/api/signing/" + ann + "/document\"");

    Api.Response noConsent = form("/sign/" + ann + "/sign", "typedName", "Ann");
    assertThat(noConsent.status()).isEqualTo(400);
    assertThat(noConsent.body()).contains("consent");

    Api.Response signed = form("/sign/" + ann + "/sign", "typedName", "Ann B.", "consent", "true");
    assertThat(signed.status()).isEqualTo(303);
    assertThat(signed.headers().firstValue("Location")).hasValue("/sign/" + ann);
    assertThat(signer().get("/sign/" + ann).body()).contains("You signed on", "Ann B.");
    assertThat(form("/sign/" + ann + "/sign", "typedName", "Ann B.", "consent", "true").status()).isEqualTo(409);

    assertThat(form("/sign/" + bob + "/decline").status()).isEqualTo(400);
    Api.Response declined = form("/sign/" + bob + "/decline", "reason", "Not authorised to sign");
    assertThat(declined.status()).isEqualTo(200);
    assertThat(declined.body()).contains("You declined");
    assertThat(signer().get("/sign/" + ann).status()).isEqualTo(410);
    assertThat(view("rita").get("status").asText()).isEqualTo("DECLINED");
  }
}

package io.contractflow.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.MailServer;
import io.contractflow.support.SignerMail;
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
 * The built-in signer over HTTP: signers set by the owner, requests sent as the process does
 * (SigningService in a transaction), signers acting through their links and the one-time codes
 * mailed to them (GreenMail) — JSON API and HTML page — and the sealed result. The tokens are read
 * from the platform's store here (white box), the codes from the mail; {@code SignerVerificationIT}
 * reads links from the mail too.
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

  private SignerMail mail;

  @BeforeEach
  void aDraftWithAPdf() {
    mail = new SignerMail(MailServer.shared(), api);
    JsonNode contract = createContract("rita");
    contractId = contract.get("id").asText();
    reference = contract.get("reference").asText();
    Api.Response upload =
        api.as("rita")
            .upload("/api/contracts/" + contractId + "/documents", "nda.pdf", Corpus.PDF, pdf);
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
  }

  // --- helpers
  // -------------------------------------------------------------------------------------------------

  private static ObjectNode signers(String mode, Object... nameEmailOrder) {
    ObjectNode body = JSON.createObjectNode().put("mode", mode);
    ArrayNode list = body.putArray("signers");
    for (int i = 0; i < nameEmailOrder.length; i += 3) {
      list.addObject()
          .put("name", (String) nameEmailOrder[i])
          .put("email", (String) nameEmailOrder[i + 1])
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

  /**
   * The signer's token, read from the platform's store (mail delivers it to the signer) — also
   * before their turn.
   */
  private String tokenOf(UUID requestId, int position) {
    URI link =
        transactions.execute(
            status ->
                builtIn.link(
                    signerRepository.findByRequestIdOrderByPosition(requestId).get(position)));
    return tokenFrom(link.toString());
  }

  private static String tokenFrom(String link) {
    assertThat(link).startsWith("http://localhost:8080/sign/");
    return link.substring(link.lastIndexOf('/') + 1);
  }

  private Api.Call signer() {
    return api.anonymous().header("User-Agent", USER_AGENT);
  }

  /**
   * A verified session of this signer's link: the code asked for and read from the mail to this
   * address.
   */
  private String session(String token, String email) {
    return mail.verify(token, email, reference);
  }

  private Api.Call signer(String session) {
    return signer().header("X-Signer-Session", session);
  }

  private Api.Response sign(String token, String session, String typedName) {
    return signer(session)
        .post(
            "/api/signing/" + token + "/sign",
            JSON.createObjectNode().put("typedName", typedName).put("consent", true));
  }

  private Api.Response form(String path, String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(body.isEmpty() ? "" : "&")
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return signer().send("POST", path, body.toString(), "application/x-www-form-urlencoded");
  }

  private Api.Response cookieForm(String cookie, String path, String... pairs) {
    return formWith(signer().header("Cookie", cookie), path, pairs);
  }

  private Api.Response sessionForm(String session, String path, String... pairs) {
    return formWith(signer(session), path, pairs);
  }

  private static Api.Response formWith(Api.Call call, String path, String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(body.isEmpty() ? "" : "&")
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return call.send("POST", path, body.toString(), "application/x-www-form-urlencoded");
  }

  private static void assertProblem(Api.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  // --- flows
  // ---------------------------------------------------------------------------------------------------

  @Test
  void sequentialSignersSignInTurnAndTheSealedPdfBecomesTheCurrentVersion() throws Exception {
    Api.Response set =
        putSigners(
            "rita",
            signers(
                "SEQUENTIAL",
                "Ann Signer",
                "ann@example.com",
                1,
                "Bob Signer",
                "bob@example.com",
                2));
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
    assertThat(sent.get("signers"))
        .allSatisfy(s -> assertThat(s.has("link")).as("no links for the owner").isFalse());
    String ann = tokenOf(requestId, 0);
    String bob = tokenOf(requestId, 1);
    String annSession = session(ann, "ann@example.com");
    String bobSession = session(bob, "bob@example.com");

    JsonNode bobsView = signer().get("/api/signing/" + bob).json();
    assertThat(bobsView.get("contractReference").asText()).isEqualTo(reference);
    assertThat(bobsView.get("signerName").asText()).isEqualTo("Bob Signer");
    assertThat(bobsView.get("yourTurn").asBoolean()).isFalse();
    assertThat(bobsView.get("waitingFor"))
        .extracting(JsonNode::asText)
        .containsExactly("Ann Signer");
    assertProblem(sign(bob, bobSession, "Bob Signer"), 409);

    assertThat(signer().download("/api/signing/" + ann + "/document").status())
        .as("without the code")
        .isEqualTo(403);
    Api.BinaryResponse document = signer(annSession).download("/api/signing/" + ann + "/document");
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.body()).isEqualTo(pdf);
    assertThat(document.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;");
    assertThat(document.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    Api.Response annSigned = sign(ann, annSession, "Ann Signer");
    assertThat(annSigned.status()).as(annSigned.toString()).isEqualTo(200);
    assertThat(annSigned.json().get("signerStatus").asText()).isEqualTo("SIGNED");
    assertProblem(sign(ann, annSession, "Ann Signer"), 409);

    JsonNode afterAnn = view("rita");
    assertThat(afterAnn.get("signers").get(0).get("status").asText()).isEqualTo("SIGNED");
    assertThat(afterAnn.get("signers").get(0).has("signedAt")).isTrue();
    assertThat(afterAnn.get("signers").get(1).get("turn").asBoolean()).isTrue();
    assertThat(afterAnn.get("signers").get(1).has("link")).isFalse();
    assertThat(mail.awaitLink("bob@example.com", reference))
        .as("Bob's invitation, once his turn came")
        .isEqualTo(bob);

    assertThat(sign(bob, bobSession, "Bob Signer").status()).isEqualTo(200);
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
    assertThat(certificate)
        .contains(
            reference,
            SigningHashes.sha256(pdf),
            requestId.toString(),
            "Ann Signer <ann@example.com>",
            "Bob Signer <bob@example.com>",
            "127.0.0.1",
            "ContractFlow-IT/1.0",
            "address verified by one-time code at");
    assertThat(view("rita").get("sealedVersionId").asText()).isEqualTo(sealed.toString());
  }

  @Test
  void parallelSignersSignInAnyOrder() {
    putSigners(
        "rita", signers("PARALLEL", "Ann", "ann@example.com", 1, "Bob", "bob@example.com", 2));
    UUID requestId = send();

    JsonNode sent = view("rita");
    assertThat(sent.get("signers")).allSatisfy(s -> assertThat(s.get("turn").asBoolean()).isTrue());
    assertThat(sent.get("signers")).allSatisfy(s -> assertThat(s.has("link")).isFalse());

    String bob = tokenOf(requestId, 1);
    assertThat(sign(bob, session(bob, "bob@example.com"), "Bob").status()).isEqualTo(200);
    assertThat(view("rita").get("status").asText()).isEqualTo("OPEN");
    String ann = tokenOf(requestId, 0);
    assertThat(sign(ann, session(ann, "ann@example.com"), "Ann").status()).isEqualTo(200);
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
    putSigners(
        "rita", signers("PARALLEL", "Ann", "ann@example.com", 1, "Bob", "bob@example.com", 1));
    UUID requestId = send();
    String ann = tokenOf(requestId, 0);
    String bob = tokenOf(requestId, 1);
    String annSession = session(ann, "ann@example.com");
    String bobSession = session(bob, "bob@example.com");

    assertProblem(
        signer(bobSession)
            .post("/api/signing/" + bob + "/decline", JSON.createObjectNode().put("reason", " ")),
        400);
    assertProblem(
        signer(bobSession).post("/api/signing/" + bob + "/decline", JSON.createObjectNode()), 400);
    assertProblem(
        signer()
            .post(
                "/api/signing/" + bob + "/decline",
                JSON.createObjectNode().put("reason", "The liability cap is missing")),
        403);
    assertProblem(
        signer(annSession)
            .post(
                "/api/signing/" + bob + "/decline",
                JSON.createObjectNode().put("reason", "Ann's session is not Bob's")),
        403);

    Api.Response declined =
        signer(bobSession)
            .post(
                "/api/signing/" + bob + "/decline",
                JSON.createObjectNode().put("reason", "The liability cap is missing"));
    assertThat(declined.status()).as(declined.toString()).isEqualTo(200);

    assertProblem(signer().get("/api/signing/" + ann), 410);
    assertProblem(sign(ann, annSession, "Ann"), 410);
    assertProblem(signer().get("/api/signing/" + bob), 410);
    JsonNode view = view("rita");
    assertThat(view.get("status").asText()).isEqualTo("DECLINED");
    assertThat(view.get("signers").get(1).get("declineReason").asText())
        .isEqualTo("The liability cap is missing");
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
    assertThat(gone.json().get("type").asText())
        .isEqualTo("urn:contractflow:problem:signing-link-gone");
    assertThat(gone.json().get("detail").asText()).contains("expired");
    assertProblem(sign(token, SigningTokens.newToken(), "Legal"), 410);
    assertProblem(mail.requestCode(token), 410);
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
    assertProblem(sign(SigningTokens.newToken(), SigningTokens.newToken(), "Anyone"), 404);
    assertProblem(mail.requestCode(SigningTokens.newToken()), 404);
    assertProblem(mail.enter(SigningTokens.newToken(), "12345678"), 404);
    assertThat(signer().download("/api/signing/" + SigningTokens.newToken() + "/document").status())
        .isEqualTo(404);
    Api.Response page = signer().get("/sign/" + SigningTokens.newToken());
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
  }

  @Test
  void signingWithoutConsentOrTypedNameIsABadRequest() {
    UUID requestId = send();
    String token = tokenOf(requestId, 0);
    String session = session(token, "legal@example.com");

    assertProblem(
        signer(session)
            .post(
                "/api/signing/" + token + "/sign",
                JSON.createObjectNode().put("typedName", "Legal")),
        400);
    assertProblem(
        signer(session)
            .post(
                "/api/signing/" + token + "/sign",
                JSON.createObjectNode().put("typedName", "Legal").put("consent", false)),
        400);
    assertProblem(
        signer(session)
            .post(
                "/api/signing/" + token + "/sign",
                JSON.createObjectNode().put("typedName", "  ").put("consent", true)),
        400);
    assertProblem(
        signer(session)
            .post(
                "/api/signing/" + token + "/sign",
                JSON.createObjectNode().put("typedName", "x".repeat(201)).put("consent", true)),
        400);

    assertThat(signer().get("/api/signing/" + token).json().get("signerStatus").asText())
        .isEqualTo("PENDING");
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
    JsonNode share =
        JSON.createObjectNode()
            .put("principalType", "USER")
            .put("principalId", "ravi")
            .put("permission", "EDIT");
    assertThat(api.as("rita").put("/api/contracts/" + contractId + "/shares", share).status())
        .isEqualTo(200);
    assertProblem(api.as("ravi").get(path), 403);
    assertProblem(api.as("ravi").put(path, body), 403);

    assertThat(api.as("admin").put(path, body).status()).isEqualTo(200);
    assertThat(api.as("rita").get(path).json().get("updatedBy").asText()).isEqualTo("admin");

    send();
    assertThat(view("admin").get("signers").get(0).has("link"))
        .as("not even admins see links")
        .isFalse();
    assertThat(view("audrey").get("signers").get(0).has("link"))
        .as("auditors see no links")
        .isFalse();
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
    assertProblem(
        putSigners("rita", signers("SEQUENTIAL", "x".repeat(201), "ann@example.com", 1)), 400);
    assertProblem(putSigners("rita", signers("SEQUENTIAL", " ", "ann@example.com", 1)), 400);
    assertProblem(putSigners("rita", signers("SEQUENTIAL", "Ann", "ann@example.com", 0)), 400);
    assertProblem(putSigners("rita", signers("SOMETIMES", "Ann", "ann@example.com", 1)), 400);
    Api.Response duplicate =
        putSigners(
            "rita", signers("PARALLEL", "Ann", "ann@example.com", 1, "Ann", "ANN@example.com", 1));
    assertProblem(duplicate, 400);
    assertThat(duplicate.json().get("errors").get(0).get("field").asText())
        .isEqualTo("signers[1].email");
    assertThat(
            api.as("rita")
                .get("/api/contracts/" + contractId + "/signers")
                .json()
                .get("configured")
                .asBoolean())
        .as("nothing stored")
        .isFalse();

    assertThat(api.as("rita").post("/api/contracts/" + contractId + "/cancel", null).status())
        .isLessThan(300);
    assertProblem(putSigners("rita", signers("SEQUENTIAL", "Ann", "ann@example.com", 1)), 409);
  }

  @Test
  void noPlaintextTokenIsStored() {
    putSigners(
        "rita", signers("SEQUENTIAL", "Ann", "ann@example.com", 1, "Bob", "bob@example.com", 2));
    UUID requestId = send();
    String ann = tokenOf(requestId, 0);
    String bob = tokenOf(requestId, 1);
    String code = mail.code(ann, "ann@example.com", reference);
    String session = mail.enter(ann, code).json().get("session").asText();
    assertThat(sign(ann, session, "Ann").status()).isEqualTo(200);

    List<String> tables =
        jdbc.queryForList(
            "select table_name from information_schema.tables where table_schema = 'contractflow' and table_type = 'BASE TABLE'",
            String.class);
    assertThat(tables)
        .contains(
            "signing_signer",
            "signing_invitation",
            "signing_request",
            "signing_signer_code",
            "signing_signer_session",
            "signing_signer_event",
            "mail",
            "outbox");
    for (String token : List.of(ann, bob, session, code)) {
      String hex = HexFormat.of().formatHex(token.getBytes(StandardCharsets.US_ASCII));
      for (String table : tables) {
        Integer rows =
            jdbc.queryForObject(
                "select count(*) from contractflow."
                    + table
                    + " t"
                    + " where strpos(t::text, ?) > 0 or strpos(lower(t::text), ?) > 0",
                Integer.class,
                token,
                hex);
        assertThat(rows).as("rows of %s holding a token, session or code", table).isZero();
      }
    }
    for (String token : List.of(ann, bob)) {
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from contractflow.signing_signer where token_sha256 = ?",
                  Integer.class,
                  SigningTokens.hash(token)))
          .isEqualTo(1);
    }
  }

  @Test
  void theHtmlPageAloneIsEnoughToSignAndDecline() {
    String title = "NDA <script>alert('x')</script> & more";
    api.as("rita")
        .ifMatch(
            "\""
                + api.as("rita").get("/api/contracts/" + contractId).json().get("version").asLong()
                + "\"")
        .put(
            "/api/contracts/" + contractId,
            contractBody(
                    api.as("rita")
                        .get("/api/contracts/" + contractId)
                        .json()
                        .get("counterparty")
                        .get("id")
                        .asText())
                .put("title", title));
    putSigners(
        "rita", signers("PARALLEL", "Ann <b>", "ann@example.com", 1, "Bob", "bob@example.com", 1));
    UUID requestId = send();
    String ann = tokenOf(requestId, 0);
    String bob = tokenOf(requestId, 1);

    Api.Response unverified = signer().get("/sign/" + ann);
    assertThat(unverified.status()).isEqualTo(200);
    assertThat(unverified.body())
        .contains(
            "Confirm your e-mail address",
            "action=\"/sign/" + ann + "/code\"",
            "action=\"/sign/" + ann + "/verify\"")
        .doesNotContain(
            "action=\"/sign/" + ann + "/sign\"",
            "action=\"/sign/" + ann + "/decline\"",
            "href=\"/api/signing/" + ann + "/document\"");
    assertThat(form("/sign/" + ann + "/sign", "typedName", "Ann B.", "consent", "true").status())
        .as("signing before the code")
        .isEqualTo(403);

    int codeMails = mail.codeMails("ann@example.com", reference).size();
    Api.Response asked = form("/sign/" + ann + "/code");
    assertThat(asked.status()).isEqualTo(200);
    assertThat(asked.body()).contains("We sent a code to a***@example.com");
    String code =
        SignerMail.code(
            org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(
                    () -> mail.codeMails("ann@example.com", reference), l -> l.size() > codeMails)
                .get(codeMails));
    Api.Response wrong =
        form("/sign/" + ann + "/verify", "code", code.equals("00000000") ? "11111111" : "00000000");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.body()).contains("The code is wrong: 4 tries left");
    Api.Response verified = form("/sign/" + ann + "/verify", "code", code);
    assertThat(verified.status()).isEqualTo(303);
    assertThat(verified.headers().firstValue("Location")).hasValue("/sign/" + ann);
    String setCookie = verified.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));

    Api.Response page = signer().header("Cookie", cookie).get("/sign/" + ann);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("default-src 'none'", "form-action 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.body())
        .doesNotContain("<script", "<b>")
        .contains("NDA &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", "Ann &lt;b&gt;")
        .contains(
            "action=\"/sign/" + ann + "/sign\"",
            "action=\"/sign/" + ann + "/decline\"",
            "href=\"/api/signing/" + ann + "/document\"");
    assertThat(
            signer()
                .header("Cookie", cookie)
                .download("/api/signing/" + ann + "/document")
                .status())
        .as("the page's document link works with the cookie")
        .isEqualTo(200);
    assertThat(signer().header("Cookie", cookie).get("/sign/" + bob).body())
        .as("Ann's cookie does not verify Bob's link")
        .contains("Confirm your e-mail address");

    Api.Response noConsent = cookieForm(cookie, "/sign/" + ann + "/sign", "typedName", "Ann");
    assertThat(noConsent.status()).isEqualTo(400);
    assertThat(noConsent.body()).contains("consent");

    Api.Response signed =
        cookieForm(cookie, "/sign/" + ann + "/sign", "typedName", "Ann B.", "consent", "true");
    assertThat(signed.status()).isEqualTo(303);
    assertThat(signed.headers().firstValue("Location")).hasValue("/sign/" + ann);
    assertThat(signer().get("/sign/" + ann).body()).contains("You signed on", "Ann B.");
    assertThat(
            cookieForm(cookie, "/sign/" + ann + "/sign", "typedName", "Ann B.", "consent", "true")
                .status())
        .isEqualTo(409);

    String bobSession = session(bob, "bob@example.com");
    assertThat(form("/sign/" + bob + "/decline", "reason", "Not authorised to sign").status())
        .as("declining before the code")
        .isEqualTo(403);
    assertThat(sessionForm(bobSession, "/sign/" + bob + "/decline").status()).isEqualTo(400);
    Api.Response declined =
        sessionForm(bobSession, "/sign/" + bob + "/decline", "reason", "Not authorised to sign");
    assertThat(declined.status()).isEqualTo(200);
    assertThat(declined.body()).contains("You declined");
    assertThat(signer().get("/sign/" + ann).status()).isEqualTo(410);
    assertThat(view("rita").get("status").asText()).isEqualTo("DECLINED");
  }
}

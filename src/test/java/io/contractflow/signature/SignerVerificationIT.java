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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Built-in signers prove control of their address with a one-time code mailed to it, and nobody
 * else ever gets their link: everything a signer knows is read from the mail (GreenMail), as a
 * person would. Time is moved by moving the stored times of a code and of the codes sent back (the
 * platform reads its {@code Clock}, the stores compare with it).
 */
class SignerVerificationIT extends IntegrationTest {

  @Autowired SigningService signing;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  private SignerMail signers;
  private String contractId;
  private String reference;
  private String ann;
  private String bob;

  @BeforeEach
  void aDraftWithTwoSequentialSigners() {
    signers = new SignerMail(MailServer.shared(), api);
    JsonNode contract = createContract("rita");
    contractId = contract.get("id").asText();
    reference = contract.get("reference").asText();
    Api.Response upload =
        api.as("rita")
            .upload(
                "/api/contracts/" + contractId + "/documents",
                "nda.pdf",
                Corpus.PDF,
                Corpus.sample("nda.pdf"));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    ann = "ann-" + unique + "@signers.example";
    bob = "bob-" + unique + "@signers.example";
    ObjectNode body = JSON.createObjectNode().put("mode", "SEQUENTIAL");
    ArrayNode list = body.putArray("signers");
    list.addObject().put("name", "Ann Signer").put("email", ann).put("order", 1);
    list.addObject().put("name", "Bob Signer").put("email", bob).put("order", 2);
    Api.Response set = api.as("rita").put("/api/contracts/" + contractId + "/signers", body);
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
  }

  private UUID send() {
    return transactions.execute(status -> signing.send(UUID.fromString(contractId), "it"));
  }

  private JsonNode view(String user) {
    Api.Response response = api.as(user).get("/api/contracts/" + contractId + "/signing");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private String signerId(int position) {
    return view("rita").get("signers").get(position).get("id").asText();
  }

  private static void assertProblem(Api.Response response, int status, String type) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("type").asText()).isEqualTo("urn:contractflow:problem:" + type);
  }

  /** Moves the signer's current code past its expiry, as ten minutes passing would. */
  private void expireCode(String email) {
    assertThat(
            jdbc.update(
                "update contractflow.signing_signer_code c set expires_at = now() - interval '1 second'"
                    + " from contractflow.signing_signer s where s.id = c.signer_id and s.email = ?",
                email))
        .isEqualTo(1);
  }

  /** Moves the codes sent to this signer back in time, as that much time passing would. */
  private void codesSentEarlier(String email, int seconds) {
    jdbc.update(
        "update contractflow.signing_signer_event e set at = at - make_interval(secs => ?)"
            + " from contractflow.signing_signer s where s.id = e.signer_id and s.email = ?",
        seconds,
        email);
  }

  @Test
  void theWholeFlowWithLinksAndCodesFromTheMailAndTheCertificateSaysSo() throws Exception {
    UUID requestId = send();
    String annLink = signers.awaitLink(ann, reference);

    JsonNode page = api.anonymous().get("/api/signing/" + annLink).json();
    assertThat(page.get("addressVerified").asBoolean()).isFalse();
    assertThat(api.anonymous().get("/sign/" + annLink).body())
        .contains("Confirm your e-mail address");

    // without the code: nothing but the page
    assertProblem(signers.sign(annLink, null, "Ann Signer"), 403, "verification-required");
    assertProblem(
        signers.sign(annLink, SigningTokens.newToken(), "Ann Signer"),
        403,
        "verification-required");
    assertProblem(
        signers.decline(annLink, SigningTokens.newToken(), "no"), 403, "verification-required");
    assertThat(api.anonymous().download("/api/signing/" + annLink + "/document").status())
        .isEqualTo(403);
    assertProblem(signers.enter(annLink, "12345678"), 403, "code-missing");

    Api.Response asked = signers.requestCode(annLink);
    assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
    assertThat(asked.json().get("sentTo").asText()).isEqualTo("a***@signers.example");
    String code =
        SignerMail.code(
            org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> signers.codeMails(ann, reference), l -> !l.isEmpty())
                .get(0));
    assertThat(code).hasSize(8).containsOnlyDigits();
    assertThat(signers.codeMails(bob, reference))
        .as("the code goes to Ann's address only")
        .isEmpty();

    Api.Response verified = signers.enter(annLink, code);
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    String session = verified.json().get("session").asText();
    assertThat(verified.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly");
    assertProblem(signers.enter(annLink, code), 403, "code-missing");
    assertThat(
            api.anonymous()
                .header("X-Signer-Session", session)
                .get("/api/signing/" + annLink)
                .json()
                .get("addressVerified")
                .asBoolean())
        .isTrue();
    assertThat(
            api.anonymous()
                .header("X-Signer-Session", session)
                .download("/api/signing/" + annLink + "/document")
                .body())
        .isEqualTo(Corpus.sample("nda.pdf"));
    assertThat(signers.sign(annLink, session, "Ann Signer").status()).isEqualTo(200);

    // Bob's turn: his link and code from his mail; Ann's session is not his
    String bobLink = signers.awaitLink(bob, reference);
    assertProblem(signers.sign(bobLink, session, "Bob Signer"), 403, "verification-required");
    assertThat(
            signers.sign(bobLink, signers.verify(bobLink, bob, reference), "Bob Signer").status())
        .isEqualTo(200);
    assertThat(view("rita").get("status").asText()).isEqualTo("COMPLETED");

    // the certificate of completion and both trails say when each address was verified
    UUID sealed = transactions.execute(status -> signing.seal(requestId));
    JsonNode current =
        api.as("rita").get("/api/contracts/" + contractId + "/documents").json().get(0);
    assertThat(current.get("id").asText()).isEqualTo(sealed.toString());
    byte[] signed = api.as("rita").download(current.get("contentUrl").asText()).body();
    String certificate =
        PadesVerification.textFrom(signed, PadesVerification.pages(Corpus.sample("nda.pdf")) + 1);
    assertThat(certificate).contains("Ann Signer <" + ann + ">", "Bob Signer <" + bob + ">");
    assertThat(certificate.split("address verified by one-time code at ", -1))
        .as("one line per signer")
        .hasSize(3);
    assertThat(certificate).doesNotContain("address not verified");

    List<SignatureProvider.AuditEntry> trail =
        transactions.execute(status -> signing.auditTrail(requestId));
    assertThat(trail)
        .extracting(SignatureProvider.AuditEntry::action)
        .contains("code sent", "address verified", "signed");
    assertThat(trail)
        .filteredOn(e -> e.action().equals("address verified"))
        .extracting(SignatureProvider.AuditEntry::actor)
        .containsExactly(ann, bob);
    String history = api.as("rita").get("/api/contracts/" + contractId + "/history").body();
    assertThat(history)
        .contains(
            "Address of Ann Signer verified by one-time code",
            "Address of Bob Signer verified by one-time code");
  }

  @Test
  void aWrongCodeFiveTimesVoidsItAndAnExpiredCodeIsRefused() {
    send();
    String link = signers.awaitLink(ann, reference);
    String code = signers.code(link, ann, reference);
    String wrong = code.equals("00000000") ? "11111111" : "00000000";

    for (int left = 4; left >= 1; left--) {
      Api.Response refused = signers.enter(link, wrong);
      assertProblem(refused, 403, "code-wrong");
      assertThat(refused.json().get("detail").asText())
          .contains(left + (left == 1 ? " try" : " tries") + " left");
    }
    assertProblem(signers.enter(link, wrong), 403, "code-void");
    assertProblem(signers.enter(link, code), 403, "code-missing");
    assertProblem(signers.enter(link, "not a code"), 403, "code-missing");

    // a new code (a minute later) works; an expired one does not
    codesSentEarlier(ann, 61);
    String second = signers.code(link, ann, reference);
    expireCode(ann);
    assertProblem(signers.enter(link, second), 403, "code-expired");
    assertProblem(signers.enter(link, second), 403, "code-missing");

    codesSentEarlier(ann, 61);
    String third = signers.code(link, ann, reference);
    assertThat(signers.enter(link, third).status()).isEqualTo(200);

    List<String> kinds =
        jdbc.queryForList(
            "select e.kind from contractflow.signing_signer_event e"
                + " join contractflow.signing_signer s on s.id = e.signer_id where s.email = ? order by e.at, e.kind",
            String.class,
            ann);
    assertThat(kinds)
        .containsSubsequence(
            "CODE_SENT",
            "CODE_WRONG",
            "CODE_VOIDED",
            "CODE_SENT",
            "CODE_VOIDED",
            "CODE_SENT",
            "VERIFIED");
    assertThat(kinds.stream().filter("CODE_WRONG"::equals)).hasSize(5);
  }

  @Test
  void askingForCodesIsRateLimitedPerSigner() {
    send();
    String link = signers.awaitLink(ann, reference);
    assertThat(signers.requestCode(link).status()).isEqualTo(202);

    Api.Response again = signers.requestCode(link);
    assertProblem(again, 429, "too-many-codes");
    long retryAfter = Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    Api.Response page =
        api.anonymous()
            .send("POST", "/sign/" + link + "/code", "", "application/x-www-form-urlencoded");
    assertThat(page.status()).isEqualTo(429);
    assertThat(page.headers().firstValue("Retry-After")).isPresent();
    assertThat(page.body()).contains("you can ask for another in");

    // five within the hour, however far apart
    for (int sent = 2; sent <= 5; sent++) {
      codesSentEarlier(ann, 61);
      assertThat(signers.requestCode(link).status()).as("code " + sent).isEqualTo(202);
    }
    codesSentEarlier(ann, 61);
    Api.Response sixth = signers.requestCode(link);
    assertProblem(sixth, 429, "too-many-codes");
    assertThat(Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow()))
        .isGreaterThan(60L);
    assertThat(sixth.json().get("detail").asText()).contains("5 codes within the hour");
    // an hour later, one more
    codesSentEarlier(ann, 3600);
    assertThat(signers.requestCode(link).status()).isEqualTo(202);
  }

  @Test
  void theOwnersResendMailsANewLinkAndVoidsTheOldOne() throws Exception {
    send();
    String old = signers.awaitLink(ann, reference, 1);
    String oldSession = signers.verify(old, ann, reference);
    String annId = signerId(0);
    String bobId = signerId(1);
    String resend = "/api/contracts/" + contractId + "/signers/" + annId + "/resend";

    // only the owner and admins, and only for a signer whose turn is open
    assertThat(api.anonymous().post(resend, null).status()).isEqualTo(401);
    assertProblem(api.as("ravi").post(resend, null), 404, "not-found");
    assertProblem(api.as("audrey").post(resend, null), 403, "forbidden");
    assertProblem(
        api.as("rita").post("/api/contracts/" + contractId + "/signers/" + bobId + "/resend", null),
        409,
        "conflict");
    assertProblem(
        api.as("rita")
            .post(
                "/api/contracts/" + contractId + "/signers/" + UUID.randomUUID() + "/resend", null),
        404,
        "not-found");

    Api.Response resent = api.as("rita").post(resend, null);
    assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
    assertThat(resent.body()).doesNotContain(old);
    String fresh = signers.awaitLink(ann, reference, 2);
    assertThat(fresh).isNotEqualTo(old);
    assertThat(signers.invitations(ann, reference).get(1).getSubject())
        .contains("New link: please sign " + reference);

    assertProblem(api.anonymous().get("/api/signing/" + old), 404, "not-found");
    assertProblem(signers.sign(old, oldSession, "Ann Signer"), 404, "not-found");
    assertProblem(signers.sign(fresh, oldSession, "Ann Signer"), 403, "verification-required");
    codesSentEarlier(ann, 61);
    assertThat(signers.sign(fresh, signers.verify(fresh, ann, reference), "Ann Signer").status())
        .isEqualTo(200);

    assertThat(api.as("admin").post(resend, null).status()).as("signed already").isEqualTo(409);
    String history = api.as("rita").get("/api/contracts/" + contractId + "/history").body();
    assertThat(history).contains("Signing link of Ann Signer sent again");
  }

  @Test
  void theOwnerCannotGetAUsableLinkThroughAnyApiResponse() throws Exception {
    send();
    String link = signers.awaitLink(ann, reference);
    String code = signers.code(link, ann, reference);
    String session = signers.enter(link, code).json().get("session").asText();
    List<String> secrets =
        List.of(
            link,
            code,
            session,
            HexFormat.of().formatHex(link.getBytes(StandardCharsets.US_ASCII)));

    List<String> paths = new ArrayList<>();
    JsonNode docs = api.as("rita").get("/v3/api-docs").json().get("paths");
    for (Iterator<String> it = docs.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      if (path.startsWith("/api/contracts/{") && docs.get(path).has("get")) {
        paths.add(
            path.replace("{id}", contractId)
                    .replace("{contractId}", contractId)
                    .replace("{version}", "1")
                + (path.endsWith("/compare") ? "?from=1&to=1" : ""));
      }
    }
    assertThat(paths)
        .as("the contract's GET routes in the API's description")
        .contains(
            "/api/contracts/" + contractId + "/signing",
            "/api/contracts/" + contractId + "/history")
        .hasSizeGreaterThan(8);
    paths.addAll(
        List.of(
            "/api/contracts",
            "/api/contracts/" + contractId,
            "/api/notifications/mail",
            "/api/contracts/" + contractId + "/signers"));

    List<String> leaks = new ArrayList<>();
    int answered = 0;
    for (String user : List.of("rita", "admin", "audrey")) {
      for (String path : paths) {
        Api.BinaryResponse response = api.as(user).download(path);
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
        answered += response.status() == 200 ? 1 : 0;
        for (String secret : secrets) {
          if (body.contains(secret)) {
            leaks.add(user + " GET " + path + " (" + response.status() + ")");
          }
        }
      }
    }
    assertThat(answered).as("most of the reads answer").isGreaterThan(paths.size());
    assertThat(leaks).as("responses carrying the signer's link, code or session").isEmpty();
    assertThat(view("rita").get("signers")).allSatisfy(s -> assertThat(s.has("link")).isFalse());
  }
}

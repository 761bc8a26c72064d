package io.contractflow.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A built-in signer as a person with a mailbox: their signing link and their one-time codes come
 * only by mail (to {@link MailServer}, GreenMail), never from the owner's API. For tests and
 * benchmarks that sign over HTTP: read the link from the invitation, ask for a code, read it from
 * the mail, enter it, sign with the verified session.
 */
public final class SignerMail {

  /** A signing link's token in a mail. */
  public static final Pattern LINK = Pattern.compile("https?://\\S+/sign/([A-Za-z0-9_-]{43})");

  /** The one-time code in a code mail (its own line). */
  public static final Pattern CODE = Pattern.compile("(?m)^\\s*(\\d{6,10})\\s*$");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final MailServer mail;
  private final Api api;

  public SignerMail(MailServer mail, Api api) {
    this.mail = mail;
    this.api = api;
  }

  /**
   * Invitations ("Please sign REF ..." and "New link: please sign REF ...") to this address for
   * this contract.
   */
  public List<MimeMessage> invitations(String email, String reference) {
    return mail.receivedBy(email).stream()
        .filter(m -> subject(m).contains("lease sign " + reference + " "))
        .toList();
  }

  /** Code mails to this address for this contract. */
  public List<MimeMessage> codeMails(String email, String reference) {
    return mail.receivedBy(email).stream()
        .filter(m -> subject(m).endsWith("Your code to sign " + reference))
        .toList();
  }

  /** The token of the newest invitation to this address for this contract, once it has arrived. */
  public String awaitLink(String email, String reference) {
    List<MimeMessage> received =
        await().atMost(PATIENCE).until(() -> invitations(email, reference), l -> !l.isEmpty());
    return token(received.get(received.size() - 1));
  }

  /**
   * The token of the {@code n}th (from 1) invitation to this address for this contract, once it has
   * arrived.
   */
  public String awaitLink(String email, String reference, int n) {
    List<MimeMessage> received =
        await().atMost(PATIENCE).until(() -> invitations(email, reference), l -> l.size() >= n);
    return token(received.get(n - 1));
  }

  public static String token(MimeMessage invitation) {
    Matcher link = LINK.matcher(MailServer.part(invitation, "text/plain"));
    if (!link.find()) {
      throw new AssertionError("no signing link in the invitation");
    }
    return link.group(1);
  }

  /** Asks for a code on the signer's page and returns the answer (202, or a refusal). */
  public Api.Response requestCode(String token) {
    return api.anonymous().post("/api/signing/" + token + "/code", null);
  }

  /** Asks for a code and reads it from the mail that brings it. */
  public String code(String token, String email, String reference) {
    int before = codeMails(email, reference).size();
    Api.Response asked = requestCode(token);
    if (asked.status() != 202) {
      throw new AssertionError("asking for a code: " + asked);
    }
    List<MimeMessage> received =
        await().atMost(PATIENCE).until(() -> codeMails(email, reference), l -> l.size() > before);
    return code(received.get(received.size() - 1));
  }

  public static String code(MimeMessage codeMail) {
    Matcher code = CODE.matcher(MailServer.part(codeMail, "text/plain"));
    if (!code.find()) {
      throw new AssertionError("no code in the mail");
    }
    return code.group(1);
  }

  /** Enters a code: the answer (200 with the session, or a refusal). */
  public Api.Response enter(String token, String code) {
    return api.anonymous()
        .post("/api/signing/" + token + "/verify", JSON.createObjectNode().put("code", code));
  }

  /** Asks for a code, reads it from the mail, enters it: the verified session. */
  public String verify(String token, String email, String reference) {
    Api.Response verified = enter(token, code(token, email, reference));
    if (verified.status() != 200) {
      throw new AssertionError("entering the code: " + verified);
    }
    return verified.json().get("session").asText();
  }

  /** Signs with a verified session (none if null): the answer. */
  public Api.Response sign(String token, String session, String typedName) {
    return signer(session)
        .post(
            "/api/signing/" + token + "/sign",
            JSON.createObjectNode().put("typedName", typedName).put("consent", true));
  }

  /** Declines with a verified session (none if null): the answer. */
  public Api.Response decline(String token, String session, String reason) {
    return signer(session)
        .post("/api/signing/" + token + "/decline", JSON.createObjectNode().put("reason", reason));
  }

  private Api.Call signer(String session) {
    Api.Call call = api.anonymous();
    return session == null ? call : call.header("X-Signer-Session", session);
  }

  /**
   * Signs as every signer whose turn is open in this view of the signing request ({@code GET
   * .../signing}) and who has not signed: link and code from the mail. Returns how many signed.
   */
  public int signOpenTurns(JsonNode signing) {
    String reference = signing.get("contractReference").asText();
    int signed = 0;
    for (JsonNode signer : signing.get("signers")) {
      if (signer.get("turn").asBoolean() && signer.get("status").asText().equals("PENDING")) {
        String email = signer.get("email").asText();
        String token = awaitLink(email, reference);
        Api.Response response =
            sign(token, verify(token, email, reference), signer.get("name").asText());
        if (response.status() != 200) {
          throw new AssertionError("signing as " + signer.get("name").asText() + ": " + response);
        }
        signed++;
      }
    }
    return signed;
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject() == null ? "" : message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}

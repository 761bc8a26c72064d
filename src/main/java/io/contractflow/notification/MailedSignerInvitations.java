package io.contractflow.notification;

import io.contractflow.signature.SignerInvitations;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Signer invitations and one-time codes by mail: each signer, when their turn opens (or when the
 * owner has it sent again), gets their {@code /sign/{token}} link at the address of the invitation
 * (signers are not platform users), and the codes they ask for on their page. The invitation is
 * still recorded by {@code RecordedSignerInvitations} (which this decorates), without the link.
 * Links and codes are credentials: their mails are written sealed ({@link Mails.Handling#SEALED}:
 * the body encrypted, bound to the mail's id, and dropped once sent), in the signing transaction,
 * so they exist exactly when the turn opened or the code was issued.
 */
@Primary
@Component
class MailedSignerInvitations implements SignerInvitations {

  static final String EVENT = "signer-invitation";
  static final String CODE_EVENT = "signer-code";
  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final SignerInvitations recorded;
  private final MailTemplates templates;
  private final Mails mails;
  private final MailProperties properties;

  MailedSignerInvitations(
      @Qualifier("recordedSignerInvitations") SignerInvitations recorded,
      MailTemplates templates,
      Mails mails,
      MailProperties properties) {
    this.recorded = recorded;
    this.templates = templates;
    this.mails = mails;
    this.properties = properties;
  }

  @Override
  public void invite(Invitation invitation) {
    recorded.invite(invitation);
    mail(invitation, EVENT + ":" + invitation.signerId(), "Please sign ");
  }

  @Override
  public void reinvite(Invitation invitation) {
    recorded.invite(invitation);
    mail(
        invitation,
        EVENT + ":" + invitation.signerId() + ":" + UUID.randomUUID(),
        "New link: please sign ");
  }

  @Override
  public void sendCode(Code code) {
    recorded.sendCode(code);
    if (!properties.enabled() || code.signerEmail() == null || code.signerEmail().isBlank()) {
      return;
    }
    Map<String, Object> values = new HashMap<>();
    values.put("reference", code.contractReference());
    values.put("title", code.contractTitle());
    values.put("code", code.code());
    values.put("expiresAt", UNTIL.format(code.expiresAt()));
    values.put("footer", "sent you this because someone asked for a code on your signing page.");
    String subject = "Your code to sign " + code.contractReference();
    People.Person signer = new People.Person(null, code.signerName(), code.signerEmail());
    MailTemplates.Rendered mail = templates.render(CODE_EVENT, subject, signer, values);
    mails.enqueue(
        new OutgoingMail(
            CODE_EVENT + ":" + code.codeId(),
            CODE_EVENT,
            code.contractId(),
            null,
            code.signerEmail(),
            mail.subject(),
            mail.text(),
            mail.html()),
        Mails.Handling.SEALED);
  }

  private void mail(Invitation invitation, String dedupeKey, String subjectStart) {
    if (!properties.enabled()
        || invitation.signerEmail() == null
        || invitation.signerEmail().isBlank()) {
      return;
    }
    Map<String, Object> values = new HashMap<>();
    values.put("reference", invitation.contractReference());
    values.put("title", invitation.contractTitle());
    values.put("link", invitation.link().toString());
    values.put(
        "expiresAt", invitation.expiresAt() == null ? null : UNTIL.format(invitation.expiresAt()));
    values.put("footer", "sent you this because you were asked to sign this document.");
    String subject =
        subjectStart + invitation.contractReference() + " " + invitation.contractTitle();
    People.Person signer =
        new People.Person(null, invitation.signerName(), invitation.signerEmail());
    MailTemplates.Rendered mail = templates.render(EVENT, subject, signer, values);
    mails.enqueue(
        new OutgoingMail(
            dedupeKey,
            EVENT,
            invitation.contractId(),
            null,
            invitation.signerEmail(),
            mail.subject(),
            mail.text(),
            mail.html()),
        Mails.Handling.SEALED);
  }
}

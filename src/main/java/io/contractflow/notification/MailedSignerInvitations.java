package io.contractflow.notification;

import io.contractflow.signature.SignerInvitations;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Signer invitations by mail: each signer, when their turn opens, gets their {@code /sign/{token}} link at the
 * address of the invitation (signers are not platform users). The invitation is still recorded by
 * {@code RecordedSignerInvitations} (which this decorates), so the owner can forward the link from
 * {@code GET /api/contracts/{id}/signing}. The link is a credential: the mail is written to the outbox sealed
 * ({@link MailOutbox.Handling#SEALED}: the body encrypted, bound to the outbox id, and dropped once sent), in the
 * signing transaction, so it exists exactly when the turn opened.
 */
@Primary
@Component
class MailedSignerInvitations implements SignerInvitations {

  static final String EVENT = "signer-invitation";
  private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final SignerInvitations recorded;
  private final MailTemplates templates;
  private final MailOutbox outbox;
  private final MailProperties properties;

  MailedSignerInvitations(@Qualifier("recordedSignerInvitations") SignerInvitations recorded, MailTemplates templates,
      MailOutbox outbox, MailProperties properties) {
    this.recorded = recorded;
    this.templates = templates;
    this.outbox = outbox;
    this.properties = properties;
  }

  @Override
  public void invite(Invitation invitation) {
    recorded.invite(invitation);
    if (!properties.enabled() || invitation.signerEmail() == null || invitation.signerEmail().isBlank()) {
      return;
    }
    Map<String, Object> values = new HashMap<>();
    values.put("reference", invitation.contractReference());
    values.put("title", invitation.contractTitle());
    values.put("link", invitation.link().toString());
    values.put("expiresAt", invitation.expiresAt() == null ? null : UNTIL.format(invitation.expiresAt()));
    values.put("footer", "sent you this because you were asked to sign this document.");
    String subject = "Please sign " + invitation.contractReference() + " " + invitation.contractTitle();
    People.Person signer = new People.Person(null, invitation.signerName(), invitation.signerEmail());
    MailTemplates.Rendered mail = templates.render(EVENT, subject, signer, values);
    outbox.enqueue(new OutgoingMail(EVENT + ":" + invitation.signerId(), EVENT, invitation.contractId(), null,
        invitation.signerEmail(), mail.subject(), mail.text(), mail.html()), MailOutbox.Handling.SEALED);
  }

  @Override
  public Optional<URI> lastLink(UUID signerId) {
    return recorded.lastLink(signerId);
  }
}

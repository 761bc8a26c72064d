package io.contractflow.signature;

import io.contractflow.document.crypto.EnvelopeEncryption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Invitations as records (mailed as well by the notification feature, which decorates this): each invitation is recorded (signer, link, time) so that the
 * contract's owner or an admin can forward the link from {@code GET /api/contracts/{id}/signing}. The link is a
 * credential, so it is stored encrypted with the documents' envelope encryption, bound to the invitation's id; the
 * embedded default also logs it at INFO so a newcomer can follow it ({@code contractflow.signing.log-links}).
 */
@Component
class RecordedSignerInvitations implements SignerInvitations {

  private static final Logger log = LoggerFactory.getLogger(RecordedSignerInvitations.class);

  private final SigningInvitationRepository invitations;
  private final EnvelopeEncryption encryption;
  private final SigningProperties properties;
  private final Clock clock;

  RecordedSignerInvitations(SigningInvitationRepository invitations, EnvelopeEncryption encryption,
      SigningProperties properties, Clock clock) {
    this.invitations = invitations;
    this.encryption = encryption;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void invite(Invitation invitation) {
    UUID id = UUID.randomUUID();
    byte[] sealed = encryption.encrypt(invitation.link().toString().getBytes(StandardCharsets.UTF_8), aad(id));
    invitations.save(new SigningInvitation(id, invitation.signerId(), sealed, clock.instant()));
    if (properties.logLinks()) {
      log.info("Signing invitation for {} <{}> to sign {} ({}): {} (valid until {})", invitation.signerName(),
          invitation.signerEmail(), invitation.contractReference(), invitation.contractTitle(), invitation.link(),
          invitation.expiresAt());
    } else {
      log.info("Signing invitation recorded for signer {} of {}", invitation.signerId(), invitation.contractReference());
    }
  }

  @Override
  public Optional<URI> lastLink(UUID signerId) {
    return invitations.findFirstBySignerIdOrderByCreatedAtDesc(signerId)
        .map(i -> URI.create(new String(encryption.decrypt(i.getLinkSealed(), aad(i.getId())), StandardCharsets.UTF_8)));
  }

  private static String aad(UUID invitationId) {
    return "signing-invitation:" + invitationId;
  }
}

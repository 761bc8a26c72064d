package io.contractflow.signature;

import io.contractflow.platform.privacy.Masked;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Invitations as records (mailed as well by the notification feature, which decorates this): each
 * invitation is recorded (signer, time), never its link: a link is the signer's credential and
 * nobody else may read it. The embedded default, which has no SMTP server, also logs links and
 * one-time codes at INFO so a newcomer can follow them ({@code contractflow.signing.log-links}, off
 * in {@code prod}).
 */
@Component
class RecordedSignerInvitations implements SignerInvitations {

  private static final Logger log = LoggerFactory.getLogger(RecordedSignerInvitations.class);

  private final SigningInvitationRepository invitations;
  private final SigningProperties properties;
  private final Clock clock;

  RecordedSignerInvitations(
      SigningInvitationRepository invitations, SigningProperties properties, Clock clock) {
    this.invitations = invitations;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void invite(Invitation invitation) {
    invitations.save(
        new SigningInvitation(UUID.randomUUID(), invitation.signerId(), clock.instant()));
    if (properties.logLinks()) {
      log.info(
          "Signing invitation for signer {} <{}> to sign {} ({}): {} (valid until {})",
          invitation.signerId(),
          Masked.email(invitation.signerEmail()),
          invitation.contractReference(),
          invitation.contractTitle(),
          invitation.link(),
          invitation.expiresAt());
    } else {
      log.info(
          "Signing invitation recorded for signer {} of {}",
          invitation.signerId(),
          invitation.contractReference());
    }
  }

  @Override
  public void sendCode(Code code) {
    if (properties.logLinks()) {
      log.info(
          "One-time code for signer {} <{}> to sign {}: {} (valid until {})",
          code.signerId(),
          Masked.email(code.signerEmail()),
          code.contractReference(),
          code.code(),
          code.expiresAt());
    } else {
      log.info(
          "One-time code issued to signer {} of {}", code.signerId(), code.contractReference());
    }
  }
}

package io.contractflow.audit;

import io.contractflow.signature.SignerAddressVerified;
import io.contractflow.signature.SignerLinkReissued;
import io.contractflow.signature.SignerSigned;
import io.contractflow.signature.SignersChanged;
import io.contractflow.signature.SigningDeclined;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes what signers did into the contract's trail, in the transaction that recorded their
 * signature or decline. Signers are not platform users, so the actor names them as signers. Setting
 * the signers is recorded with who was to sign before and who is now.
 */
@Component
class SigningEventsRecorder {

  private final AuditTrail trail;

  SigningEventsRecorder(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void onSigned(SignerSigned event) {
    trail.record(
        event.contractId(),
        actor(event.signerName()),
        AuditKinds.SIGNING,
        "Signed by " + event.signerName(),
        Map.of("requestId", event.requestId(), "signer", event.signerName()));
  }

  @EventListener
  void onDeclined(SigningDeclined event) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("requestId", event.requestId());
    details.put("signer", event.signerName());
    details.put("reason", event.reason());
    String summary = "Signing declined by " + event.signerName() + ": " + event.reason();
    trail.record(
        event.contractId(),
        actor(event.signerName()),
        AuditKinds.SIGNING,
        Summaries.fit(summary),
        details);
  }

  @EventListener
  void onSignersChanged(SignersChanged event) {
    SignersChanged.Signers after = event.after();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("before", event.before());
    details.put("after", after);
    trail.recordFitted(
        event.contractId(),
        event.by(),
        AuditKinds.SIGNERS_CHANGED,
        "Signers set by "
            + event.by()
            + " ("
            + after.mode().toLowerCase()
            + ", "
            + after.provider()
            + "): "
            + String.join("; ", after.signers()),
        details);
  }

  @EventListener
  void onAddressVerified(SignerAddressVerified event) {
    trail.record(
        event.contractId(),
        actor(event.signerName()),
        AuditKinds.SIGNING,
        "Address of " + event.signerName() + " verified by one-time code",
        Map.of(
            "requestId",
            event.requestId(),
            "signer",
            event.signerName(),
            "email",
            event.signerEmail(),
            "verifiedAt",
            event.at()));
  }

  @EventListener
  void onLinkReissued(SignerLinkReissued event) {
    trail.record(
        event.contractId(),
        event.actor(),
        AuditKinds.SIGNING,
        "Signing link of "
            + event.signerName()
            + " sent again by "
            + event.actor()
            + "; the old link no longer works",
        Map.of("requestId", event.requestId(), "signer", event.signerName()));
  }

  private static String actor(String signerName) {
    String actor = "signer " + signerName;
    return actor.length() <= 64 ? actor : actor.substring(0, 64);
  }
}

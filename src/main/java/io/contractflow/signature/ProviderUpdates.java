package io.contractflow.signature;

import io.contractflow.signature.SignatureProvider.EnvelopeState;
import io.contractflow.signature.SignatureProvider.EnvelopeStatus;
import io.contractflow.signature.SignatureProvider.RecipientStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a vendor reports about an envelope (from a verified webhook or a poll), applied to the
 * platform's request: signers who signed or declined, and the request's end — completed, declined,
 * voided at the vendor, expired — published as the same events the built-in signer publishes, so
 * the signing process gets the same messages. Reports only move forward: one about a closed
 * request, or older than what was applied, changes nothing.
 */
@Service
public class ProviderUpdates {

  private static final Logger log = LoggerFactory.getLogger(ProviderUpdates.class);

  /** What came of a report. */
  public enum Outcome {
    /** Something changed. */
    APPLIED,
    /** Known request; nothing new (a duplicate, an older state, or the request is closed). */
    UNCHANGED,
    /**
     * No request has this envelope (yet): the report arrived before the send committed, or is not
     * ours.
     */
    UNKNOWN
  }

  private final SigningRequestRepository requests;
  private final SignerRepository signers;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ProviderUpdates(
      SigningRequestRepository requests,
      SignerRepository signers,
      ApplicationEventPublisher events,
      Clock clock) {
    this.requests = requests;
    this.signers = signers;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public Outcome apply(String provider, EnvelopeStatus report) {
    Optional<SigningRequest> found = requests.lockByEnvelope(provider, report.envelopeId());
    if (found.isEmpty()) {
      log.info(
          "{} reported {} for envelope {}, which no signing request has (yet)",
          provider,
          report.state(),
          report.envelopeId());
      return Outcome.UNKNOWN;
    }
    SigningRequest request = found.get();
    Instant now = clock.instant();
    List<Signer> all = signers.findByRequestIdOrderByPosition(request.getId());
    boolean open = request.getStatus() == SigningStatus.OPEN;
    boolean signersChanged = open && applyRecipients(request, all, report.recipients(), now);
    boolean moved = request.providerReported(report.state(), now);
    if (report.state() == EnvelopeState.ERROR) {
      log.warn(
          "{} reports an error for envelope {} of {} (signing request {})",
          provider,
          report.envelopeId(),
          request.getContractReference(),
          request.getId());
    }
    if (open && moved && report.state().isFinal()) {
      finish(request, all, report, provider, now);
    }
    signers.saveAll(all);
    requests.saveAndFlush(request);
    return signersChanged || (open && moved) ? Outcome.APPLIED : Outcome.UNCHANGED;
  }

  private boolean applyRecipients(
      SigningRequest request, List<Signer> all, List<RecipientStatus> recipients, Instant now) {
    boolean changed = false;
    for (RecipientStatus recipient : recipients == null ? List.<RecipientStatus>of() : recipients) {
      Optional<Signer> signer = match(all, recipient);
      if (signer.isPresent()
          && signer.get().getStatus() == SignerStatus.PENDING
          && recipient.state() == SignerStatus.SIGNED) {
        signer.get().signedAtProvider(recipient.signedAt() != null ? recipient.signedAt() : now);
        events.publishEvent(
            new SignerSigned(request.getContractId(), request.getId(), signer.get().getName()));
        changed = true;
      }
    }
    return changed;
  }

  private void finish(
      SigningRequest request,
      List<Signer> all,
      EnvelopeStatus report,
      String provider,
      Instant now) {
    switch (report.state()) {
      case COMPLETED -> {
        for (Signer signer : all) {
          if (signer.getStatus() == SignerStatus.PENDING) {
            signer.signedAtProvider(now);
            events.publishEvent(
                new SignerSigned(request.getContractId(), request.getId(), signer.getName()));
          }
        }
        request.complete(now);
        events.publishEvent(new SigningCompleted(request.getContractId(), request.getId()));
      }
      case DECLINED -> {
        Optional<RecipientStatus> decliner =
            report.recipients() == null
                ? Optional.empty()
                : report.recipients().stream()
                    .filter(r -> r.state() == SignerStatus.DECLINED)
                    .findFirst();
        Optional<Signer> who = decliner.flatMap(r -> match(all, r));
        String reason =
            decliner
                .map(RecipientStatus::declineReason)
                .filter(r -> !r.isBlank())
                .orElse("declined at " + provider);
        who.ifPresent(s -> s.decline(SigningService.truncate(reason, 1000), now));
        all.forEach(s -> s.closeIfPending(SignerStatus.CANCELLED));
        String name = who.map(Signer::getName).orElse("A signer");
        request.close(
            SigningStatus.DECLINED,
            SigningService.truncate(name + " declined: " + reason, 1000),
            now);
        events.publishEvent(
            new SigningDeclined(request.getContractId(), request.getId(), name, reason));
      }
      case VOIDED -> {
        all.forEach(s -> s.closeIfPending(SignerStatus.CANCELLED));
        request.close(SigningStatus.CANCELLED, "Voided at " + provider, now);
        // the contract goes back to drafting, as after a decline: nobody can sign this envelope any
        // more
        events.publishEvent(
            new SigningDeclined(
                request.getContractId(),
                request.getId(),
                provider,
                "The envelope was voided at " + provider));
      }
      case EXPIRED -> {
        // the process's own timer (the same expiry) returns the contract to drafting
        all.forEach(s -> s.closeIfPending(SignerStatus.EXPIRED));
        request.close(SigningStatus.EXPIRED, "Expired at " + provider, now);
        events.publishEvent(
            new SigningWithdrawn(
                request.getContractId(),
                request.getId(),
                SigningStatus.EXPIRED,
                request.getCloseReason()));
      }
      default -> throw new IllegalStateException("Not a final state: " + report.state());
    }
    log.info(
        "{} reports envelope {} of {} (signing request {}) {}",
        provider,
        report.envelopeId(),
        request.getContractReference(),
        request.getId(),
        report.state());
  }

  private static Optional<Signer> match(List<Signer> all, RecipientStatus recipient) {
    return all.stream()
        .filter(
            s ->
                s.getId().equals(recipient.signerId())
                    || (recipient.email() != null
                        && s.getEmail()
                            .toLowerCase(Locale.ROOT)
                            .equals(recipient.email().toLowerCase(Locale.ROOT))))
        .findFirst();
  }
}

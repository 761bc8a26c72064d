package io.contractflow.signature;

import io.contractflow.document.DocumentService;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.GoneException;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signer does with their link: see what to sign, prove control of the invited address with a
 * one-time code ({@link SignerVerification}), then download the document, sign with a typed name
 * and consent, or decline with a reason. The link alone shows the page; everything else needs a
 * verified session of that link (403 without). Unknown links get 404; links of an expired,
 * cancelled or declined request 410 Gone; signing out of turn or twice 409. Each action locks the
 * request, so the last of two signers signing at once reliably completes it.
 */
@Service
class SigningCeremony {

  /** What a signer agrees to; stored with each signature, as it was shown. */
  static final String CONSENT_TEXT =
      "I agree that the name I typed is my electronic signature on this document,"
          + " that I intend to sign it, and that signing it electronically is as binding as signing it by hand.";

  static final int MAX_USER_AGENT = 512;
  static final int MAX_IP = 45;

  private static final Logger log = LoggerFactory.getLogger(SigningCeremony.class);

  private final SigningRequestRepository requests;
  private final SignerRepository signers;
  private final BuiltInSignatureProvider builtIn;
  private final DocumentService documents;
  private final ApplicationEventPublisher events;
  private final SignerVerification verification;
  private final Clock clock;

  SigningCeremony(
      SigningRequestRepository requests,
      SignerRepository signers,
      BuiltInSignatureProvider builtIn,
      DocumentService documents,
      ApplicationEventPublisher events,
      SignerVerification verification,
      Clock clock) {
    this.requests = requests;
    this.signers = signers;
    this.builtIn = builtIn;
    this.documents = documents;
    this.events = events;
    this.verification = verification;
    this.clock = clock;
  }

  /**
   * What the signer sees; {@code addressVerified} is whether this session entered the code for this
   * link.
   */
  record SignerPage(
      String contractReference,
      String contractTitle,
      String signerName,
      String signerEmail,
      SignerStatus signerStatus,
      SigningStatus requestStatus,
      SigningMode mode,
      boolean yourTurn,
      List<String> waitingFor,
      List<Participant> signers,
      Instant expiresAt,
      Instant signedAt,
      String typedName,
      String documentFileName,
      String documentSha256,
      String consentText,
      boolean addressVerified) {}

  /** Another signer, as a signer sees them: name, step and status. */
  record Participant(String name, int order, SignerStatus status) {}

  /** The document to sign. */
  record Document(String fileName, byte[] bytes) {}

  @Transactional(readOnly = true)
  SignerPage view(String token, String session) {
    Link link = open(token, false);
    return page(link, verification.isVerified(link.signer(), token, session));
  }

  /**
   * Mails a one-time code to the signer's address; 409 once there is nothing left to do, 429 if
   * asked too often.
   */
  @Transactional
  SignerVerification.CodeSent requestCode(String token) {
    Link link = open(token, true);
    requirePending(link);
    return verification.issue(link.request(), link.signer(), token);
  }

  /**
   * Checks the code the signer entered: a verified session, or the refusal to throw once this
   * transaction (which counts a wrong code) has committed.
   */
  @Transactional
  SignerVerification.Outcome verify(String token, String code) {
    Link link = open(token, true);
    requirePending(link);
    SignerVerification.Outcome outcome = verification.check(link.signer(), token, code);
    if (outcome.session() != null) {
      events.publishEvent(
          new SignerAddressVerified(
              link.request().getContractId(),
              link.request().getId(),
              link.signer().getName(),
              link.signer().getEmail(),
              outcome.session().verifiedAt()));
    }
    return outcome;
  }

  @Transactional(readOnly = true)
  Document document(String token, String session) {
    Link link = open(token, false);
    verification.requireVerified(link.signer(), token, session);
    return new Document(
        link.request().getDocumentFileName(),
        documents.systemContent(link.request().getDocumentVersionId()));
  }

  @Transactional
  SignerPage sign(
      String token,
      String session,
      String typedName,
      Boolean consent,
      String ipAddress,
      String userAgent) {
    if (typedName == null || typedName.isBlank()) {
      throw InvalidInputException.field(
          "typedName", "must not be blank: type your full name to sign");
    }
    if (typedName.strip().length() > 200) {
      throw InvalidInputException.field("typedName", "must be at most 200 characters");
    }
    if (!Boolean.TRUE.equals(consent)) {
      throw InvalidInputException.field("consent", "must be true: signing needs your consent");
    }
    Link link = open(token, true);
    verification.requireVerified(link.signer(), token, session);
    SigningRequest request = link.request();
    Signer signer = link.signer();
    if (signer.getStatus() == SignerStatus.SIGNED) {
      throw new ConflictException(
          "You signed this document already, on "
              + CompletionCertificate.UTC_TIME.format(signer.getSignedAt()));
    }
    if (request.getStatus() != SigningStatus.OPEN) {
      throw new ConflictException(
          "This signing request is " + request.getStatus() + "; there is nothing left to sign");
    }
    if (!SigningTurns.isTurn(request.getMode(), signer, link.all())) {
      throw new ConflictException(
          "It is not your turn yet: waiting for "
              + String.join(", ", waitingFor(link))
              + " to sign first");
    }
    Instant now = clock.instant();
    signer.sign(
        typedName.strip(),
        CONSENT_TEXT,
        now,
        clean(ipAddress, MAX_IP),
        clean(userAgent, MAX_USER_AGENT));
    signers.saveAndFlush(signer);
    events.publishEvent(
        new SignerSigned(request.getContractId(), request.getId(), signer.getName()));
    log.info(
        "Signer {} signed {} (signing request {})",
        signer.getId(),
        request.getContractReference(),
        request.getId());
    if (SigningTurns.allSigned(SigningTurns.seats(link.all()))) {
      request.complete(now);
      requests.saveAndFlush(request);
      events.publishEvent(new SigningCompleted(request.getContractId(), request.getId()));
      log.info(
          "Every signer signed {} (signing request {})",
          request.getContractReference(),
          request.getId());
    } else {
      builtIn.inviteOpenTurns(request, link.all());
      signers.saveAll(link.all());
    }
    return page(link, true);
  }

  @Transactional
  SignerPage decline(String token, String session, String reason) {
    if (reason == null || reason.isBlank()) {
      throw InvalidInputException.field("reason", "must not be blank: say why you decline");
    }
    if (reason.strip().length() > 1000) {
      throw InvalidInputException.field("reason", "must be at most 1000 characters");
    }
    Link link = open(token, true);
    verification.requireVerified(link.signer(), token, session);
    SigningRequest request = link.request();
    Signer signer = link.signer();
    if (signer.getStatus() != SignerStatus.PENDING || request.getStatus() != SigningStatus.OPEN) {
      throw new ConflictException(
          "You have "
              + signer.getStatus().name().toLowerCase()
              + " already; you cannot decline now");
    }
    Instant now = clock.instant();
    signer.decline(reason.strip(), now);
    link.all().forEach(s -> s.closeIfPending(SignerStatus.CANCELLED));
    signers.saveAll(link.all());
    request.close(
        SigningStatus.DECLINED,
        SigningService.truncate(signer.getName() + " declined: " + reason.strip(), 1000),
        now);
    requests.saveAndFlush(request);
    events.publishEvent(
        new SigningDeclined(
            request.getContractId(), request.getId(), signer.getName(), reason.strip()));
    log.info(
        "Signer {} declined to sign {} (signing request {})",
        signer.getId(),
        request.getContractReference(),
        request.getId());
    return page(link, true);
  }

  /** Codes are for signers who still have something to do. */
  private static void requirePending(Link link) {
    if (link.signer().getStatus() != SignerStatus.PENDING
        || link.request().getStatus() != SigningStatus.OPEN) {
      throw new ConflictException(
          "You have "
              + link.signer().getStatus().name().toLowerCase()
              + " already; there is nothing left to confirm");
    }
  }

  /**
   * A link's signer, their request and all its signers; 404 if unknown, 410 if the request is gone.
   */
  private record Link(Signer signer, SigningRequest request, List<Signer> all) {}

  private Link open(String token, boolean forUpdate) {
    if (!SigningTokens.wellFormed(token)) {
      throw unknown();
    }
    SignerRepository.LinkOwner owner =
        signers.findByTokenHash(SigningTokens.hash(token)).orElseThrow(SigningCeremony::unknown);
    SigningRequest request =
        (forUpdate ? requests.lock(owner.requestId()) : requests.findById(owner.requestId()))
            .orElseThrow(SigningCeremony::unknown);
    if (request.getStatus().isGone() || request.isExpiredAt(clock.instant())) {
      throw gone(request);
    }
    List<Signer> all = signers.findByRequestIdOrderByPosition(request.getId());
    Signer signer =
        all.stream()
            .filter(s -> s.getId().equals(owner.signerId()))
            .findFirst()
            .orElseThrow(SigningCeremony::unknown);
    return new Link(signer, request, all);
  }

  private SignerPage page(Link link, boolean verified) {
    SigningRequest request = link.request();
    Signer signer = link.signer();
    return new SignerPage(
        request.getContractReference(),
        request.getContractTitle(),
        signer.getName(),
        signer.getEmail(),
        signer.getStatus(),
        request.getStatus(),
        request.getMode(),
        request.getStatus() == SigningStatus.OPEN
            && SigningTurns.isTurn(request.getMode(), signer, link.all()),
        waitingFor(link),
        link.all().stream()
            .map(s -> new Participant(s.getName(), s.getOrder(), s.getStatus()))
            .toList(),
        request.getExpiresAt(),
        signer.getSignedAt(),
        signer.getTypedName(),
        request.getDocumentFileName(),
        request.getDocumentSha256(),
        CONSENT_TEXT,
        verified);
  }

  /** Who may sign now, other than this signer. */
  private static List<String> waitingFor(Link link) {
    if (link.request().getStatus() != SigningStatus.OPEN) {
      return List.of();
    }
    return link.all().stream()
        .filter(s -> !s.getId().equals(link.signer().getId()))
        .filter(s -> SigningTurns.isTurn(link.request().getMode(), s, link.all()))
        .map(Signer::getName)
        .toList();
  }

  private static String clean(String value, int max) {
    if (value == null) {
      return null;
    }
    String cleaned = value.replaceAll("[\\p{Cntrl}]", " ").strip();
    return cleaned.isEmpty() ? null : SigningService.truncate(cleaned, max);
  }

  private static NotFoundException unknown() {
    return new NotFoundException("This signing link does not exist");
  }

  private GoneException gone(SigningRequest request) {
    String why =
        switch (request.isExpiredAt(clock.instant())
            ? SigningStatus.EXPIRED
            : request.getStatus()) {
          case EXPIRED ->
              "expired on " + CompletionCertificate.UTC_TIME.format(request.getExpiresAt());
          case DECLINED -> "was declined by a signer";
          case CANCELLED -> "was cancelled";
          default -> "is closed";
        };
    return new GoneException(
        "signing-link-gone", "This signing request " + why + "; the link no longer works");
  }
}

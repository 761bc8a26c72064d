package io.contractflow.signature;

import io.contractflow.document.DocumentService;
import io.contractflow.document.crypto.EnvelopeEncryption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The built-in signer, for businesses without a vendor account. Its envelope is the platform's own
 * signing request (the envelope id is the request id): each signer gets an unguessable link ({@link
 * SigningTokens}), is invited when their turn opens, and signs on {@code /sign/{token}} with a
 * typed name and consent ({@link SigningCeremony}). The completed document is the original PDF with
 * a certificate of completion, sealed with the platform's key (PAdES).
 */
@Component
public class BuiltInSignatureProvider implements SignatureProvider {

  public static final String NAME = "built-in";

  private final SigningRequestRepository requests;
  private final SignerRepository signers;
  private final SignerInvitations invitations;
  private final EnvelopeEncryption encryption;
  private final DocumentService documents;
  private final CompletionCertificate certificate;
  private final PadesSealer sealer;
  private final SigningProperties properties;
  private final SignerVerification verification;
  private final Clock clock;

  BuiltInSignatureProvider(
      SigningRequestRepository requests,
      SignerRepository signers,
      SignerInvitations invitations,
      EnvelopeEncryption encryption,
      DocumentService documents,
      CompletionCertificate certificate,
      PadesSealer sealer,
      SigningProperties properties,
      SignerVerification verification,
      Clock clock) {
    this.requests = requests;
    this.signers = signers;
    this.invitations = invitations;
    this.encryption = encryption;
    this.documents = documents;
    this.certificate = certificate;
    this.sealer = sealer;
    this.properties = properties;
    this.verification = verification;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Issues every signer's link (stored as a hash, and encrypted for later invitations) and invites
   * the first turn.
   */
  @Override
  public String send(Envelope envelope) {
    SigningRequest request = request(envelope.requestId().toString());
    List<Signer> all = signers.findByRequestIdOrderByPosition(request.getId());
    for (Signer signer : all) {
      String token = SigningTokens.newToken();
      signer.issueToken(
          SigningTokens.hash(token),
          encryption.encrypt(token.getBytes(StandardCharsets.US_ASCII), tokenAad(signer.getId())));
    }
    signers.saveAll(all);
    inviteOpenTurns(request, all);
    return request.getId().toString();
  }

  /**
   * A new link for a signer whose turn is open, mailed to their fixed address: the old link, its
   * code and its verified sessions stop working. The caller holds the request's lock.
   */
  void reissue(SigningRequest request, Signer signer, String actor) {
    String token = SigningTokens.newToken();
    signer.issueToken(
        SigningTokens.hash(token),
        encryption.encrypt(token.getBytes(StandardCharsets.US_ASCII), tokenAad(signer.getId())));
    signer.invited(clock.instant());
    signers.saveAndFlush(signer);
    verification.linkReissued(signer, actor);
    invitations.reinvite(
        new SignerInvitations.Invitation(
            request.getId(),
            signer.getId(),
            request.getContractId(),
            request.getContractReference(),
            request.getContractTitle(),
            signer.getName(),
            signer.getEmail(),
            link(signer),
            request.getExpiresAt()));
  }

  /** Invites every signer whose turn is open and who has not been invited yet. */
  void inviteOpenTurns(SigningRequest request, List<Signer> all) {
    for (Signer signer : all) {
      if (signer.getInvitedAt() == null && SigningTurns.isTurn(request.getMode(), signer, all)) {
        invitations.invite(
            new SignerInvitations.Invitation(
                request.getId(),
                signer.getId(),
                request.getContractId(),
                request.getContractReference(),
                request.getContractTitle(),
                signer.getName(),
                signer.getEmail(),
                link(signer),
                request.getExpiresAt()));
        signer.invited(clock.instant());
      }
    }
  }

  /** The signer's link, from their encrypted token. */
  URI link(Signer signer) {
    String token =
        new String(
            encryption.decrypt(signer.getTokenSealed(), tokenAad(signer.getId())),
            StandardCharsets.US_ASCII);
    String base = properties.publicBaseUrl().toString().replaceAll("/+$", "");
    return URI.create(base + "/sign/" + token);
  }

  @Override
  public EnvelopeStatus status(String envelopeId) {
    SigningRequest request = request(envelopeId);
    EnvelopeState state =
        switch (request.isExpiredAt(clock.instant())
            ? SigningStatus.EXPIRED
            : request.getStatus()) {
          case OPEN -> EnvelopeState.SENT;
          case COMPLETED -> EnvelopeState.COMPLETED;
          case DECLINED -> EnvelopeState.DECLINED;
          case EXPIRED -> EnvelopeState.EXPIRED;
          case CANCELLED -> EnvelopeState.VOIDED;
        };
    List<RecipientStatus> recipients =
        signers.findByRequestIdOrderByPosition(request.getId()).stream()
            .map(
                s ->
                    new RecipientStatus(
                        s.getId(),
                        s.getName(),
                        s.getEmail(),
                        s.getStatus(),
                        s.getSignedAt(),
                        s.getDeclineReason()))
            .toList();
    return new EnvelopeStatus(envelopeId, state, recipients);
  }

  /**
   * Nothing to void elsewhere: the built-in envelope is the platform's request, which {@link
   * SigningService#cancel} has already closed, so every link answers 410 Gone.
   */
  @Override
  public boolean remote() {
    return false;
  }

  @Override
  public void cancel(String envelopeId, String reason) {
    request(envelopeId);
  }

  /**
   * The original PDF, checked against the hash it was sent with, plus the certificate of
   * completion, sealed.
   */
  @Override
  public byte[] signedDocument(String envelopeId) {
    SigningRequest request = request(envelopeId);
    if (request.getStatus() != SigningStatus.COMPLETED) {
      throw new SigningNotPossibleException(
          "Signing request "
              + request.getId()
              + " is "
              + request.getStatus()
              + "; only a completed request can be sealed");
    }
    byte[] original = documents.systemContent(request.getDocumentVersionId());
    if (!SigningHashes.sha256(original).equals(request.getDocumentSha256())) {
      throw new IllegalStateException(
          "The document of signing request " + request.getId() + " changed since it was sent");
    }
    List<Signer> all = signers.findByRequestIdOrderByPosition(request.getId());
    List<SignerVerification.Event> checks =
        verification.events(all.stream().map(Signer::getId).toList());
    List<CompletionCertificate.SignerFacts> evidence =
        all.stream()
            .map(
                s ->
                    new CompletionCertificate.SignerFacts(
                        s.getName(),
                        s.getEmail(),
                        s.getTypedName(),
                        s.getConsentText(),
                        s.getSignedAt(),
                        s.getIpAddress(),
                        s.getUserAgent(),
                        SignerVerification.verifiedAt(checks, s.getId(), s.getSignedAt())
                            .orElse(null)))
            .toList();
    byte[] withCertificate =
        certificate.append(
            original,
            new CompletionCertificate.Facts(
                request.getContractReference(),
                request.getContractTitle(),
                request.getId(),
                request.getMode(),
                request.getDocumentFileName(),
                request.getDocumentSha256(),
                request.getCreatedAt(),
                request.getCompletedAt(),
                evidence));
    return sealer.seal(
        withCertificate,
        "Signed by all signers of "
            + request.getContractReference()
            + " (signing request "
            + request.getId()
            + ")",
        "ContractFlow",
        clock.instant());
  }

  @Override
  public List<AuditEntry> auditTrail(String envelopeId) {
    SigningRequest request = request(envelopeId);
    List<AuditEntry> trail = new ArrayList<>();
    trail.add(
        new AuditEntry(
            request.getCreatedAt(),
            request.getCreatedBy(),
            "sent",
            request.getMode()
                + " to "
                + signers.findByRequestIdOrderByPosition(request.getId()).size()
                + " signer(s), expires "
                + request.getExpiresAt()));
    List<Signer> all = signers.findByRequestIdOrderByPosition(request.getId());
    for (SignerVerification.Event event :
        verification.events(all.stream().map(Signer::getId).toList())) {
      trail.add(
          new AuditEntry(
              event.at(), event.actor(), SignerEventKind.label(event.kind()), event.detail()));
    }
    for (Signer s : all) {
      if (s.getInvitedAt() != null) {
        trail.add(new AuditEntry(s.getInvitedAt(), s.getEmail(), "invited", s.getName()));
      }
      if (s.getSignedAt() != null) {
        trail.add(
            new AuditEntry(
                s.getSignedAt(),
                s.getEmail(),
                "signed",
                "typed name '"
                    + s.getTypedName()
                    + "', IP "
                    + s.getIpAddress()
                    + ", user agent "
                    + s.getUserAgent()));
      }
      if (s.getDeclinedAt() != null) {
        trail.add(
            new AuditEntry(s.getDeclinedAt(), s.getEmail(), "declined", s.getDeclineReason()));
      }
    }
    if (request.getCompletedAt() != null) {
      trail.add(new AuditEntry(request.getCompletedAt(), NAME, "completed", "all signers signed"));
    }
    if (request.getClosedAt() != null) {
      trail.add(
          new AuditEntry(
              request.getClosedAt(),
              NAME,
              request.getStatus().name().toLowerCase(),
              request.getCloseReason()));
    }
    if (request.getSealedAt() != null) {
      trail.add(
          new AuditEntry(
              request.getSealedAt(),
              NAME,
              "sealed",
              "document version " + request.getSealedVersionId()));
    }
    trail.sort(Comparator.comparing(AuditEntry::at));
    return trail;
  }

  private SigningRequest request(String envelopeId) {
    UUID id;
    try {
      id = UUID.fromString(envelopeId);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a built-in envelope id: " + envelopeId);
    }
    return requests
        .findById(id)
        .orElseThrow(() -> new IllegalArgumentException("No signing request " + envelopeId));
  }

  private static String tokenAad(UUID signerId) {
    return "signing-token:" + signerId;
  }
}

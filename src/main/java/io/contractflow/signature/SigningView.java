package io.contractflow.signature;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A signing request as the platform records it: its mode and status (EXPIRED once past its expiry, even before the
 * process has marked it), and each signer's status. Links appear only where the API shows them to the contract's
 * owner or an admin.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SigningView(
    UUID requestId,
    UUID contractId,
    String contractReference,
    String provider,
    SigningMode mode,
    SigningStatus status,
    String documentFileName,
    String documentSha256,
    String createdBy,
    Instant createdAt,
    Instant expiresAt,
    Instant completedAt,
    Instant closedAt,
    String closeReason,
    UUID sealedVersionId,
    List<SignerView> signers) {

  /** One signer; {@code turn} is whether they may sign now. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SignerView(UUID id, String name, String email, int order, SignerStatus status, boolean turn,
      Instant invitedAt, Instant signedAt, Instant declinedAt, String declineReason, URI link) {

    SignerView withLink(URI link) {
      return new SignerView(id, name, email, order, status, turn, invitedAt, signedAt, declinedAt, declineReason, link);
    }
  }

  SigningView withSigners(List<SignerView> signers) {
    return new SigningView(requestId, contractId, contractReference, provider, mode, status, documentFileName,
        documentSha256, createdBy, createdAt, expiresAt, completedAt, closedAt, closeReason, sealedVersionId, signers);
  }

  static SigningView of(SigningRequest request, List<Signer> signers, Instant now) {
    SigningStatus status = request.isExpiredAt(now) ? SigningStatus.EXPIRED : request.getStatus();
    boolean open = status == SigningStatus.OPEN;
    List<SignerView> views = signers.stream()
        .map(s -> new SignerView(s.getId(), s.getName(), s.getEmail(), s.getOrder(),
            open || s.getStatus() != SignerStatus.PENDING ? s.getStatus() : SignerStatus.EXPIRED,
            open && SigningTurns.isTurn(request.getMode(), s, signers), s.getInvitedAt(), s.getSignedAt(),
            s.getDeclinedAt(), s.getDeclineReason(), null))
        .toList();
    return new SigningView(request.getId(), request.getContractId(), request.getContractReference(),
        request.getProvider(), request.getMode(), status, request.getDocumentFileName(), request.getDocumentSha256(),
        request.getCreatedBy(), request.getCreatedAt(), request.getExpiresAt(), request.getCompletedAt(),
        request.getClosedAt(), request.getCloseReason(), request.getSealedVersionId(), views);
  }
}

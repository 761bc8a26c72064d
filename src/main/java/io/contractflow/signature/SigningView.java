package io.contractflow.signature;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A signing request as the platform records it: its mode and status (EXPIRED once past its expiry,
 * even before the process has marked it), and each signer's status. Never a signer's link: that is
 * the signer's alone (the owner can have it sent again, {@code POST
 * /api/contracts/{id}/signers/{signerId}/resend}).
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
  public record SignerView(
      UUID id,
      String name,
      String email,
      int order,
      SignerStatus status,
      boolean turn,
      Instant invitedAt,
      Instant signedAt,
      Instant declinedAt,
      String declineReason) {}

  static SigningView of(SigningRequest request, List<Signer> signers, Instant now) {
    SigningStatus status = request.isExpiredAt(now) ? SigningStatus.EXPIRED : request.getStatus();
    boolean open = status == SigningStatus.OPEN;
    List<SignerView> views =
        signers.stream()
            .map(
                s ->
                    new SignerView(
                        s.getId(),
                        s.getName(),
                        s.getEmail(),
                        s.getOrder(),
                        open || s.getStatus() != SignerStatus.PENDING
                            ? s.getStatus()
                            : SignerStatus.EXPIRED,
                        open && SigningTurns.isTurn(request.getMode(), s, signers),
                        s.getInvitedAt(),
                        s.getSignedAt(),
                        s.getDeclinedAt(),
                        s.getDeclineReason()))
            .toList();
    return new SigningView(
        request.getId(),
        request.getContractId(),
        request.getContractReference(),
        request.getProvider(),
        request.getMode(),
        status,
        request.getDocumentFileName(),
        request.getDocumentSha256(),
        request.getCreatedBy(),
        request.getCreatedAt(),
        request.getExpiresAt(),
        request.getCompletedAt(),
        request.getClosedAt(),
        request.getCloseReason(),
        request.getSealedVersionId(),
        views);
  }
}

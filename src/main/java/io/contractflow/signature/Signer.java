package io.contractflow.signature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One signer of one request: who they are, their link (as a hash, and the token encrypted for later
 * invitations), and the evidence of what they did — typed name, the consent text they agreed to,
 * time, IP and user agent — or why they declined.
 */
@Entity
@Table(name = "signing_signer")
class Signer {

  @Id private UUID id;

  @Column(name = "request_id", nullable = false, updatable = false)
  private UUID requestId;

  @Column(nullable = false, updatable = false)
  private int position;

  @Column(name = "sign_order", nullable = false, updatable = false)
  private int order;

  @Column(nullable = false, updatable = false, length = 200)
  private String name;

  @Column(nullable = false, updatable = false, length = 254)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private SignerStatus status;

  @Column(name = "token_sha256", length = 64)
  private String tokenSha256;

  @Column(name = "token_sealed")
  private byte[] tokenSealed;

  @Column(name = "invited_at")
  private Instant invitedAt;

  @Column(name = "typed_name", length = 200)
  private String typedName;

  @Column(name = "consent_text", length = 500)
  private String consentText;

  @Column(name = "signed_at")
  private Instant signedAt;

  @Column(name = "ip_address", length = 45)
  private String ipAddress;

  @Column(name = "user_agent", length = 512)
  private String userAgent;

  @Column(name = "declined_at")
  private Instant declinedAt;

  @Column(name = "decline_reason", length = 1000)
  private String declineReason;

  protected Signer() {}

  Signer(UUID id, UUID requestId, int position, int order, String name, String email) {
    this.id = id;
    this.requestId = requestId;
    this.position = position;
    this.order = order;
    this.name = name;
    this.email = email;
    this.status = SignerStatus.PENDING;
  }

  void issueToken(String sha256, byte[] sealed) {
    this.tokenSha256 = sha256;
    this.tokenSealed = sealed;
  }

  void invited(Instant at) {
    this.invitedAt = at;
  }

  void sign(String typedName, String consentText, Instant at, String ipAddress, String userAgent) {
    this.status = SignerStatus.SIGNED;
    this.typedName = typedName;
    this.consentText = consentText;
    this.signedAt = at;
    this.ipAddress = ipAddress;
    this.userAgent = userAgent;
  }

  /**
   * Signed at a vendor: the vendor keeps the evidence (its certificate of completion is stored
   * beside the PDF).
   */
  void signedAtProvider(Instant at) {
    this.status = SignerStatus.SIGNED;
    this.signedAt = at;
  }

  void decline(String reason, Instant at) {
    this.status = SignerStatus.DECLINED;
    this.declineReason = reason;
    this.declinedAt = at;
  }

  /**
   * A signer who has not acted is closed out with the request (EXPIRED or CANCELLED); others keep
   * their state.
   */
  void closeIfPending(SignerStatus how) {
    if (status == SignerStatus.PENDING) {
      this.status = how;
    }
  }

  UUID getId() {
    return id;
  }

  UUID getRequestId() {
    return requestId;
  }

  int getPosition() {
    return position;
  }

  int getOrder() {
    return order;
  }

  String getName() {
    return name;
  }

  String getEmail() {
    return email;
  }

  SignerStatus getStatus() {
    return status;
  }

  String getTokenSha256() {
    return tokenSha256;
  }

  byte[] getTokenSealed() {
    return tokenSealed;
  }

  Instant getInvitedAt() {
    return invitedAt;
  }

  String getTypedName() {
    return typedName;
  }

  String getConsentText() {
    return consentText;
  }

  Instant getSignedAt() {
    return signedAt;
  }

  String getIpAddress() {
    return ipAddress;
  }

  String getUserAgent() {
    return userAgent;
  }

  Instant getDeclinedAt() {
    return declinedAt;
  }

  String getDeclineReason() {
    return declineReason;
  }
}

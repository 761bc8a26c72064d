package io.contractflow.signature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The platform's record of one round of signing a contract's PDF, whichever provider collects the
 * signatures: the document version being signed (and its SHA-256), the mode, the expiry, how it
 * ended and the sealed version.
 */
@Entity
@Table(name = "signing_request")
class SigningRequest {

  @Id private UUID id;

  @Column(name = "contract_id", nullable = false, updatable = false)
  private UUID contractId;

  @Column(name = "contract_reference", nullable = false, updatable = false, length = 20)
  private String contractReference;

  @Column(name = "contract_title", nullable = false, updatable = false, length = 200)
  private String contractTitle;

  @Column(nullable = false, updatable = false, length = 40)
  private String provider;

  @Column(name = "envelope_id", length = 200)
  private String envelopeId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 12)
  private SigningMode mode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private SigningStatus status;

  @Column(name = "document_version_id", nullable = false, updatable = false)
  private UUID documentVersionId;

  @Column(name = "document_file_name", nullable = false, updatable = false, length = 150)
  private String documentFileName;

  @Column(name = "document_sha256", nullable = false, updatable = false, length = 64)
  private String documentSha256;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "close_reason", length = 1000)
  private String closeReason;

  @Column(name = "sealed_version_id")
  private UUID sealedVersionId;

  @Column(name = "sealed_at")
  private Instant sealedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "provider_state", length = 20)
  private SignatureProvider.EnvelopeState providerState;

  @Column(name = "provider_checked_at")
  private Instant providerCheckedAt;

  @Version private Long version;

  protected SigningRequest() {}

  SigningRequest(
      UUID id,
      UUID contractId,
      String contractReference,
      String contractTitle,
      String provider,
      SigningMode mode,
      UUID documentVersionId,
      String documentFileName,
      String documentSha256,
      String createdBy,
      Instant createdAt,
      Instant expiresAt) {
    this.id = id;
    this.contractId = contractId;
    this.contractReference = contractReference;
    this.contractTitle = contractTitle;
    this.provider = provider;
    this.mode = mode;
    this.status = SigningStatus.OPEN;
    this.documentVersionId = documentVersionId;
    this.documentFileName = documentFileName;
    this.documentSha256 = documentSha256;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  /** Past its expiry, whether or not {@link SigningService#expire} has marked it yet. */
  boolean isExpiredAt(Instant now) {
    return status == SigningStatus.EXPIRED
        || (status == SigningStatus.OPEN && !now.isBefore(expiresAt));
  }

  void sentAs(String envelopeId) {
    this.envelopeId = envelopeId;
  }

  void complete(Instant at) {
    this.status = SigningStatus.COMPLETED;
    this.completedAt = at;
  }

  void close(SigningStatus how, String reason, Instant at) {
    this.status = how;
    this.closeReason = reason;
    this.closedAt = at;
  }

  void sealedAs(UUID versionId, Instant at) {
    this.sealedVersionId = versionId;
    this.sealedAt = at;
  }

  /**
   * What the provider reported, if it moves the envelope forward; false (and nothing changed)
   * otherwise.
   */
  boolean providerReported(SignatureProvider.EnvelopeState state, Instant at) {
    this.providerCheckedAt = at;
    if (!state.isAfter(providerState)) {
      return false;
    }
    this.providerState = state;
    return true;
  }

  SignatureProvider.EnvelopeState getProviderState() {
    return providerState;
  }

  Instant getProviderCheckedAt() {
    return providerCheckedAt;
  }

  UUID getId() {
    return id;
  }

  UUID getContractId() {
    return contractId;
  }

  String getContractReference() {
    return contractReference;
  }

  String getContractTitle() {
    return contractTitle;
  }

  String getProvider() {
    return provider;
  }

  String getEnvelopeId() {
    return envelopeId;
  }

  SigningMode getMode() {
    return mode;
  }

  SigningStatus getStatus() {
    return status;
  }

  UUID getDocumentVersionId() {
    return documentVersionId;
  }

  String getDocumentFileName() {
    return documentFileName;
  }

  String getDocumentSha256() {
    return documentSha256;
  }

  String getCreatedBy() {
    return createdBy;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }

  Instant getCompletedAt() {
    return completedAt;
  }

  Instant getClosedAt() {
    return closedAt;
  }

  String getCloseReason() {
    return closeReason;
  }

  UUID getSealedVersionId() {
    return sealedVersionId;
  }

  Instant getSealedAt() {
    return sealedAt;
  }
}

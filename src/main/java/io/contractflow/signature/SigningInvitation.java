package io.contractflow.signature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One invitation handed out: to which signer, when (never the link: that is the signer's alone).
 */
@Entity
@Table(name = "signing_invitation")
class SigningInvitation {

  @Id private UUID id;

  @Column(name = "signer_id", nullable = false, updatable = false)
  private UUID signerId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected SigningInvitation() {}

  SigningInvitation(UUID id, UUID signerId, Instant createdAt) {
    this.id = id;
    this.signerId = signerId;
    this.createdAt = createdAt;
  }

  UUID getId() {
    return id;
  }

  UUID getSignerId() {
    return signerId;
  }

  Instant getCreatedAt() {
    return createdAt;
  }
}

package io.contractflow.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A contract shared with a user or a group, to view or to edit. */
@Entity
@Table(name = "contract_share")
class ContractShare {

  /** Whom a share names. */
  enum PrincipalType {
    USER,
    GROUP
  }

  /** What a share allows. */
  enum Permission {
    VIEW,
    EDIT
  }

  @Id private UUID id;

  @Column(name = "contract_id", nullable = false, updatable = false)
  private UUID contractId;

  @Enumerated(EnumType.STRING)
  @Column(name = "principal_type", nullable = false, updatable = false, length = 10)
  private PrincipalType principalType;

  @Column(name = "principal_id", nullable = false, updatable = false, length = 64)
  private String principalId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Permission permission;

  @Column(name = "granted_by", nullable = false, length = 64)
  private String grantedBy;

  @Column(name = "granted_at", nullable = false)
  private Instant grantedAt;

  protected ContractShare() {}

  ContractShare(UUID contractId, PrincipalType type, String principalId) {
    this.id = UUID.randomUUID();
    this.contractId = contractId;
    this.principalType = type;
    this.principalId = principalId;
  }

  void grant(Permission permission, String by, Instant at) {
    this.permission = permission;
    this.grantedBy = by;
    this.grantedAt = at;
  }

  UUID contractId() {
    return contractId;
  }

  PrincipalType principalType() {
    return principalType;
  }

  String principalId() {
    return principalId;
  }

  Permission permission() {
    return permission;
  }

  String grantedBy() {
    return grantedBy;
  }

  Instant grantedAt() {
    return grantedAt;
  }
}

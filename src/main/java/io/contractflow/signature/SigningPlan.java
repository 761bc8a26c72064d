package io.contractflow.signature;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Who is to sign a contract, and in which mode: set by its owner before signing starts. */
@Entity
@Table(name = "signing_plan")
class SigningPlan {

  @Id
  @Column(name = "contract_id")
  private UUID contractId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private SigningMode mode;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "signing_plan_signer", joinColumns = @JoinColumn(name = "contract_id"))
  @OrderColumn(name = "position")
  private List<Entry> signers = new ArrayList<>();

  @Column(length = 40)
  private String provider;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SigningPlan() {}

  SigningPlan(UUID contractId) {
    this.contractId = contractId;
  }

  void replace(SigningMode mode, List<Entry> signers, String provider, String by, Instant at) {
    this.mode = mode;
    this.provider = provider;
    this.signers.clear();
    this.signers.addAll(signers);
    this.updatedBy = by;
    this.updatedAt = at;
  }

  UUID getContractId() {
    return contractId;
  }

  SigningMode getMode() {
    return mode;
  }

  /** The chosen signature provider; null for the platform's default. */
  String getProvider() {
    return provider;
  }

  List<Entry> getSigners() {
    return List.copyOf(signers);
  }

  String getUpdatedBy() {
    return updatedBy;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }

  /** One planned signer. */
  @Embeddable
  static class Entry {

    @Column(name = "sign_order", nullable = false)
    private int order;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 254)
    private String email;

    protected Entry() {}

    Entry(String name, String email, int order) {
      this.name = name;
      this.email = email;
      this.order = order;
    }

    int order() {
      return order;
    }

    String name() {
      return name;
    }

    String email() {
      return email;
    }
  }
}

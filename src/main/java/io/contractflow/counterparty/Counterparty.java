package io.contractflow.counterparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** The other party of contracts: a company or person, with whom to contact. */
@Entity
@Table(name = "counterparty")
@BatchSize(size = 100)
public class Counterparty {

  @Id private UUID id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "contact_name", length = 200)
  private String contactName;

  @Column(name = "contact_email", nullable = false, length = 254)
  private String contactEmail;

  /**
   * Who may correct it besides admins (its creator); null: admins only (an entry older than owners,
   * unused).
   */
  @Column(length = 64, updatable = false)
  private String owner;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private Long version;

  protected Counterparty() {}

  Counterparty(UUID id, String owner, Instant now) {
    this.id = id;
    this.owner = owner;
    this.createdAt = now;
  }

  void describe(String name, String contactName, String contactEmail, Instant now) {
    this.name = name;
    this.contactName = contactName;
    this.contactEmail = contactEmail;
    this.updatedAt = now;
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getContactName() {
    return contactName;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  /** Its owner (its creator), or null if only admins may correct it. */
  public String getOwner() {
    return owner;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version == null ? 0 : version;
  }
}

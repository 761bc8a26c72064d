package io.contractflow.customfield;

import io.contractflow.contract.ContractType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A field an admin defined for contracts of one type (or of every type): its key (what the API,
 * search and reports call it, never changed), its label, its kind and, for a choice, its choices.
 */
@Entity
@Table(name = "custom_field")
class CustomField {

  @Id private UUID id;

  @Column(name = "field_key", nullable = false, unique = true, updatable = false, length = 40)
  private String key;

  @Column(nullable = false, length = 100)
  private String label;

  /** Null: every type. */
  @Enumerated(EnumType.STRING)
  @Column(name = "contract_type", length = 30)
  private ContractType contractType;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private FieldKind kind;

  @Column(nullable = false)
  private boolean required;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private List<String> choices = new ArrayList<>();

  @Column(nullable = false)
  private boolean archived;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private Long version;

  protected CustomField() {}

  CustomField(UUID id, String key, FieldKind kind, Instant now) {
    this.id = id;
    this.key = key;
    this.kind = kind;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void describe(
      String label,
      ContractType contractType,
      FieldKind kind,
      boolean required,
      List<String> choices,
      boolean archived,
      Instant now) {
    this.label = label;
    this.contractType = contractType;
    this.kind = kind;
    this.required = required;
    this.choices = new ArrayList<>(choices);
    this.archived = archived;
    this.updatedAt = now;
  }

  /** Whether the field belongs to contracts of this type. */
  boolean appliesTo(ContractType type) {
    return contractType == null || contractType == type;
  }

  UUID getId() {
    return id;
  }

  String getKey() {
    return key;
  }

  String getLabel() {
    return label;
  }

  ContractType getContractType() {
    return contractType;
  }

  FieldKind getKind() {
    return kind;
  }

  boolean isRequired() {
    return required;
  }

  List<String> getChoices() {
    return choices == null ? List.of() : List.copyOf(choices);
  }

  boolean isArchived() {
    return archived;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }

  long getVersion() {
    return version == null ? 0 : version;
  }
}

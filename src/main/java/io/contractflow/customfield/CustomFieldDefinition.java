package io.contractflow.customfield;

import io.contractflow.contract.ContractType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A custom field as the API shows it and other features read it.
 *
 * @param contractType the type whose contracts have it; null for every type
 * @param choices the values a choice may take, in the order shown (empty for other kinds)
 * @param archived no longer asked for; the values contracts hold stay readable
 */
public record CustomFieldDefinition(
    UUID id,
    String key,
    String label,
    ContractType contractType,
    FieldKind kind,
    boolean required,
    List<String> choices,
    boolean archived,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static CustomFieldDefinition of(CustomField f) {
    return new CustomFieldDefinition(
        f.getId(),
        f.getKey(),
        f.getLabel(),
        f.getContractType(),
        f.getKind(),
        f.isRequired(),
        f.getChoices(),
        f.isArchived(),
        f.getCreatedAt(),
        f.getUpdatedAt(),
        f.getVersion());
  }

  /** Whether contracts of this type have the field. */
  public boolean appliesTo(ContractType type) {
    return contractType == null || contractType == type;
  }

  /** Whether search counts its values (choices and parties). */
  public boolean faceted() {
    return kind == FieldKind.CHOICE || kind == FieldKind.PARTY;
  }
}

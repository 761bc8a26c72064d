package io.contractflow.obligation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An obligation of a contract with its instalments, as the API shows it. */
public record Obligation(
    UUID id,
    UUID contractId,
    ObligationKind kind,
    String title,
    OwnerType ownerType,
    String ownerId,
    String escalationGroup,
    OwedBy owedBy,
    Schedule schedule,
    BigDecimal amount,
    String currency,
    String createdBy,
    Instant createdAt,
    List<Instalment> instalments) {

  Obligation withInstalments(List<Instalment> all) {
    return new Obligation(
        id,
        contractId,
        kind,
        title,
        ownerType,
        ownerId,
        escalationGroup,
        owedBy,
        schedule,
        amount,
        currency,
        createdBy,
        createdAt,
        List.copyOf(all));
  }
}

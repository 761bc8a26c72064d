package io.contractflow.counterparty;

import java.time.Instant;
import java.util.UUID;

/** A counterparty as the API shows it. */
record CounterpartyResponse(
    UUID id,
    String name,
    String contactName,
    String contactEmail,
    String owner,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static CounterpartyResponse of(Counterparty c) {
    return new CounterpartyResponse(
        c.getId(),
        c.getName(),
        c.getContactName(),
        c.getContactEmail(),
        c.getOwner(),
        c.getCreatedAt(),
        c.getUpdatedAt(),
        c.getVersion());
  }
}

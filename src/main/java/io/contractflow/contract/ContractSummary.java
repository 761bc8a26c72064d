package io.contractflow.contract;

import java.util.UUID;

/** What other features need to know of a contract they work on. */
public record ContractSummary(
    UUID id, String reference, String title, String owner, ContractStatus status) {

  static ContractSummary of(Contract c) {
    return new ContractSummary(
        c.getId(), c.getReference(), c.getTitle(), c.getOwner(), c.getStatus());
  }
}

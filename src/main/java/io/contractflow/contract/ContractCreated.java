package io.contractflow.contract;

import java.util.UUID;

/**
 * Published inside the creating transaction: a new draft exists. Its lifecycle begins with
 * drafting, unless it was {@code imported}: an imported contract joins the lifecycle at its active
 * term once a person has verified its facts.
 */
public record ContractCreated(UUID contractId, String reference, String owner, boolean imported) {

  public ContractCreated(UUID contractId, String reference, String owner) {
    this(contractId, reference, owner, false);
  }
}

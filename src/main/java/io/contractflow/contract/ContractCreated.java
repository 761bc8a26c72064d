package io.contractflow.contract;

import java.util.UUID;

/** Published inside the creating transaction: a new draft exists and its lifecycle begins. */
public record ContractCreated(UUID contractId, String reference, String owner) {}

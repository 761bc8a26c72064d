package io.contractflow.contract;

import java.util.UUID;

/** Published inside the transaction that granted, changed or removed a share: who may read the contract changed. */
public record ContractSharesChanged(UUID contractId) {}

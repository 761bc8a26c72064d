package io.contractflow.contract;

import java.util.UUID;

/** Published inside the cancelling transaction: a draft was cancelled and its lifecycle ends. */
public record ContractCancelled(UUID contractId, String cancelledBy) {}

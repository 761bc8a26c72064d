package io.contractflow.contract;

import java.util.UUID;

/**
 * A contract was deleted for good (retention, issue 21), published in the deleting transaction:
 * copies kept elsewhere (the search index) drop it.
 */
public record ContractDeleted(UUID contractId, String reference) {}

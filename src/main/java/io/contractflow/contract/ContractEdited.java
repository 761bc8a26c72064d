package io.contractflow.contract;

import java.util.UUID;

/** Published inside the transaction that changed a contract's facts (an edit of a draft, a renewal's new term). */
public record ContractEdited(UUID contractId, String by) {}

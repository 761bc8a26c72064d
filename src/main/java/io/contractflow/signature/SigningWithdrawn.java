package io.contractflow.signature;

import java.util.UUID;

/**
 * A signing request closed without signatures and without a decline: its links expired, or it was
 * withdrawn (the contract was cancelled, the envelope voided by us). Published inside that
 * transaction, once per request.
 *
 * @param status {@link SigningStatus#EXPIRED} or {@link SigningStatus#CANCELLED}
 */
public record SigningWithdrawn(
    UUID contractId, UUID requestId, SigningStatus status, String reason) {}

package io.contractflow.signature;

import java.util.UUID;

/**
 * A signer declined: the request is closed and every other link stops working. Published inside
 * that transaction.
 */
public record SigningDeclined(UUID contractId, UUID requestId, String signerName, String reason) {}

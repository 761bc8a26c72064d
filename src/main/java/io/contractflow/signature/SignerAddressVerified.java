package io.contractflow.signature;

import java.time.Instant;
import java.util.UUID;

/**
 * A built-in signer entered the one-time code mailed to their address; published inside that
 * transaction.
 */
public record SignerAddressVerified(
    UUID contractId, UUID requestId, String signerName, String signerEmail, Instant at) {}

package io.contractflow.signature;

import java.util.UUID;

/** One signer signed; published inside the signing transaction. */
public record SignerSigned(UUID contractId, UUID requestId, String signerName) {}

package io.contractflow.signature;

import java.util.UUID;

/**
 * The last signer signed: the request can be sealed ({@link SigningService#seal}). Published inside
 * the signing transaction, after that signer's {@link SignerSigned}.
 */
public record SigningCompleted(UUID contractId, UUID requestId) {}

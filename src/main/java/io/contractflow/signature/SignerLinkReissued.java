package io.contractflow.signature;

import java.util.UUID;

/**
 * The contract's owner or an admin had a signer's link sent again: a new link went to the signer's
 * address and the old one (and any code or verified session of it) no longer works. Published
 * inside that transaction.
 */
public record SignerLinkReissued(
    UUID contractId, UUID requestId, String signerName, String actor) {}

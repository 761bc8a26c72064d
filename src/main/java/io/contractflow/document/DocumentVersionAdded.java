package io.contractflow.document;

import java.util.UUID;

/**
 * Published inside the transaction that stored a new version of a contract's document, uploaded or
 * stored by a lifecycle step (the sealed PDF); who stored it is the version's {@code uploadedBy}.
 * Versions generated from a template are published together as {@link DocumentsGenerated} instead.
 */
public record DocumentVersionAdded(UUID contractId, DocumentVersionResponse version) {}

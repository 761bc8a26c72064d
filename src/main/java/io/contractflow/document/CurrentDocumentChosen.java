package io.contractflow.document;

import java.util.UUID;

/**
 * Published inside the transaction that made an earlier version of a contract's document current
 * again.
 *
 * @param previous the version that was current before; null if none was
 */
public record CurrentDocumentChosen(
    UUID contractId, Integer previous, DocumentVersionResponse current, String by) {}

package io.contractflow.document;

import java.util.UUID;

/**
 * Published inside the transaction that stored a new current version of a contract's document or
 * made an earlier one current again: the contract's current text changed.
 */
public record DocumentVersionChanged(UUID contractId, int currentVersion) {}

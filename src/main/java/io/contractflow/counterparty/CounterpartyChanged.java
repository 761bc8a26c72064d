package io.contractflow.counterparty;

import io.contractflow.platform.audit.FieldChanges;
import java.util.Map;
import java.util.UUID;

/**
 * Published inside the transaction that corrected a counterparty: the contracts that name it record
 * the change in their trails, and their search entries are refreshed (its name may have changed).
 *
 * @param name its name after the change
 * @param by who changed it
 * @param changes each changed field ({@code name}, {@code contactName}, {@code contactEmail}) with
 *     old and new value
 */
public record CounterpartyChanged(
    UUID counterpartyId, String name, String by, Map<String, FieldChanges.Change> changes) {}

package io.contractflow.counterparty;

import java.util.UUID;

/** Published inside the transaction that corrected a counterparty (its name may have changed). */
public record CounterpartyChanged(UUID counterpartyId) {}

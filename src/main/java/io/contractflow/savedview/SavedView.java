package io.contractflow.savedview;

import java.time.Instant;
import java.util.UUID;

/**
 * A list as a user saved it: which list ({@code contracts}), a name, and the list's query string
 * (its filters, sort and page size, exactly as the list's API takes them).
 */
public record SavedView(UUID id, String list, String name, String query, Instant createdAt) {}

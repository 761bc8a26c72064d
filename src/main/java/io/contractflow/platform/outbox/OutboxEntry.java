package io.contractflow.platform.outbox;

/**
 * One piece of work in the outbox: what its topic's handler needs ({@code payload}: an id, or JSON)
 * and how often it was tried already.
 */
public record OutboxEntry(long id, String topic, String payload, int attempts) {}

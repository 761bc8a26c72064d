package io.contractflow.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.platform.outbox.Outbox;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events that cause mail, written to the outbox (topic {@value #TOPIC}) in the event's own
 * transaction and turned into mail later by {@link EventMails}: who receives it and what it says
 * are worked out outside the business transaction, so a slow or unreachable identity provider
 * delays mail and never fails the event. An entry's payload is {@code {"id": <the event's id>,
 * "kind": ..., "event": {...}}}; the id makes its mails' keys.
 */
@Component
class NotificationEvents {

  static final String TOPIC = "notification";

  private final Outbox outbox;
  private final ObjectMapper json;

  NotificationEvents(Outbox outbox, ObjectMapper json) {
    this.outbox = outbox;
    this.json = json;
  }

  /** An event as recorded: its id, its kind and the event as JSON. */
  record Recorded(UUID id, String kind, String payload) {}

  @Transactional(propagation = Propagation.MANDATORY)
  void record(String kind, String payload) {
    outbox.add(TOPIC, entry(kind, payload));
  }

  /**
   * Records an event found by a scan, once per key whichever node scans (a second is dropped, as
   * long as the first is kept: see {@link #purgeHandled}). Joins the caller's transaction or runs
   * in one of its own; returns whether it was recorded now.
   */
  @Transactional
  boolean recordOnce(String kind, String payload, String dedupeKey) {
    return outbox.addOnce(TOPIC, entry(kind, payload), dedupeKey);
  }

  /**
   * Deletes up to {@code batch} handled events (those kept for their key) older than {@code age};
   * returns how many.
   */
  @Transactional
  int purgeHandled(Duration age, int batch) {
    return outbox.purgeDone(TOPIC, age, batch);
  }

  private String entry(String kind, String payload) {
    try {
      ObjectNode entry = json.createObjectNode();
      entry.put("id", UUID.randomUUID().toString());
      entry.put("kind", kind);
      entry.set("event", json.readTree(payload));
      return json.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot record " + kind + " for mail", e);
    }
  }

  /** Reads an entry's payload. */
  Recorded read(String entry) throws JsonProcessingException {
    JsonNode node = json.readTree(entry);
    return new Recorded(
        UUID.fromString(node.get("id").asText()),
        node.get("kind").asText(),
        json.writeValueAsString(node.get("event")));
  }
}

package io.contractflow.notification;

import io.contractflow.platform.outbox.OutboxEntry;
import io.contractflow.platform.outbox.OutboxHandler;
import io.contractflow.platform.outbox.RetryPolicy;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Turns the recorded events (topic {@value NotificationEvents#TOPIC}) into their mails, one event
 * per transaction: recipients looked up, preferences applied, templates rendered, all of an event's
 * mails or none. If that fails (the identity provider cannot be reached, say), nothing of it stays
 * and the event is tried again later with a doubling wait, and given up after the last attempt.
 * Worked before the mail topic, so its mails go out in the same round.
 */
@Component
@Order(2)
class EventMails implements OutboxHandler {

  private final NotificationEvents events;
  private final Notifier notifier;
  private final RetryPolicy retry;

  EventMails(NotificationEvents events, Notifier notifier, MailProperties properties) {
    this.events = events;
    this.notifier = notifier;
    this.retry = properties.retryPolicy();
  }

  @Override
  public String topic() {
    return NotificationEvents.TOPIC;
  }

  @Override
  public RetryPolicy retryPolicy() {
    return retry;
  }

  @Override
  public Map<Long, String> handle(List<OutboxEntry> entries) throws Exception {
    for (OutboxEntry entry : entries) {
      NotificationEvents.Recorded event = events.read(entry.payload());
      notifier.compose(event.id(), event.kind(), event.payload());
    }
    return Map.of();
  }
}

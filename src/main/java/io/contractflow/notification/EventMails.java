package io.contractflow.notification;

import io.contractflow.platform.outbox.OutboxEntry;
import io.contractflow.platform.outbox.OutboxHandler;
import io.contractflow.platform.outbox.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Turns the recorded events (topic {@value NotificationEvents#TOPIC}) into their mails, up to
 * {@value #BATCH} events per transaction: recipients looked up, preferences applied, templates
 * rendered, all of a batch's mails or none. If one event of a batch cannot be composed (its
 * contract is gone, say), the worker works the batch's events again one by one ({@link
 * #workAloneOnFailure}), so that event fails alone, is tried again later with a doubling wait, and
 * is given up after the last attempt, while the others are mailed. If the identity provider or the
 * database cannot be reached, the batch is tried again later as a whole.
 *
 * <p>In a burst (ten thousand contracts expiring at once) the lane lets events gather for {@link
 * #LINGER} after a round that did not fill a batch, so a burst costs one transaction per batch, not
 * one per event; a lone event is still worked as soon as its transaction commits. Worked before the
 * mail topic, so its mails go out in the same round.
 */
@Component
@Order(2)
class EventMails implements OutboxHandler {

  static final int BATCH = 20;
  static final Duration LINGER = Duration.ofMillis(100);

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
  public int batchSize() {
    return BATCH;
  }

  @Override
  public Duration linger() {
    return LINGER;
  }

  @Override
  public boolean workAloneOnFailure() {
    return true;
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

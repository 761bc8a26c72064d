package io.contractflow.notification;

import io.contractflow.platform.outbox.OutboxEntry;
import io.contractflow.platform.outbox.OutboxHandler;
import io.contractflow.platform.outbox.RetryPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's mail (topic {@value #TOPIC}, payload: the mail's id), up to {@value #BATCH}
 * mails per transaction over one connection to the server: the entries' row locks are held while
 * the mails are handed over, so two nodes never send the same mail at once, and a node that dies
 * mid-send leaves them to the others (those it had handed over are sent again, with the same
 * Message-ID, {@code <mail id@contractflow>}). A mail that fails (server down, refused, timed out)
 * is left for a later attempt, with a doubling wait, while the others of its batch count as sent;
 * after the last attempt it is marked failed and stays there for an operator.
 */
@Component
@Order(3)
class MailSending implements OutboxHandler {

  static final String TOPIC = "mail";

  /** Mails per transaction and connection. */
  static final int BATCH = 20;

  private final Mails mails;
  private final MailDelivery delivery;
  private final RetryPolicy retry;

  MailSending(Mails mails, MailDelivery delivery, MailProperties properties) {
    this.mails = mails;
    this.delivery = delivery;
    this.retry = properties.retryPolicy();
  }

  @Override
  public String topic() {
    return TOPIC;
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
  public Map<Long, String> handle(List<OutboxEntry> entries) {
    Map<UUID, Long> entryOf = new LinkedHashMap<>();
    List<Mails.Pending> pending = new ArrayList<>();
    for (OutboxEntry entry : entries) {
      Optional<Mails.Pending> mail = mails.unsent(UUID.fromString(entry.payload()));
      if (mail.isPresent()) { // else sent already (a digest took it) or deleted
        pending.add(mail.get());
        entryOf.put(mail.get().id(), entry.id());
      }
    }
    if (pending.isEmpty()) {
      return Map.of();
    }
    Map<UUID, String> refused = delivery.deliverAll(pending);
    Map<Long, String> failed = new HashMap<>();
    for (Mails.Pending m : pending) {
      String error = refused.get(m.id());
      if (error == null) {
        mails.markSent(m.id());
      } else {
        failed.put(entryOf.get(m.id()), error);
      }
    }
    return failed;
  }
}

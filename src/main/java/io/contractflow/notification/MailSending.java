package io.contractflow.notification;

import io.contractflow.platform.outbox.OutboxEntry;
import io.contractflow.platform.outbox.OutboxHandler;
import io.contractflow.platform.outbox.RetryPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's mail (topic {@value #TOPIC}, payload: the mail's id), one mail per
 * transaction: the entry's row lock is held while the mail is handed over, so two nodes never send
 * the same mail at once, and a node that dies mid-send leaves it to the others (sent again with the
 * same Message-ID, {@code <mail id@contractflow>}). A failure (server down, refused, timed out)
 * leaves it for a later attempt, with a doubling wait; after the last attempt it is marked failed
 * and stays there for an operator.
 */
@Component
@Order(3)
class MailSending implements OutboxHandler {

  static final String TOPIC = "mail";

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
  public Map<Long, String> handle(List<OutboxEntry> entries) throws Exception {
    for (OutboxEntry entry : entries) {
      Optional<Mails.Pending> mail = mails.unsent(UUID.fromString(entry.payload()));
      if (mail.isPresent()) { // else sent already (a digest took it) or deleted
        Mails.Pending m = mail.get();
        delivery.deliver(m.id(), m.recipientEmail(), m.subject(), m.textBody(), m.htmlBody());
        mails.markSent(m.id());
      }
    }
    return Map.of();
  }
}

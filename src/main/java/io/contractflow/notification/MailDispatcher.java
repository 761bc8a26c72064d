package io.contractflow.notification;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, after the events that wrote it have committed: a batch at a time, each mail in a
 * transaction of its own that holds the mail's row lock while it is handed over, so two nodes never send the same
 * mail at once. A failure (server down, refused, timed out) leaves the mail in the outbox for a later attempt, with
 * a growing wait; after the last attempt it is marked failed and stays there for an operator.
 */
class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
  private static final int BATCH = 20;

  private final MailOutbox outbox;
  private final MailDelivery delivery;
  private final MailProperties properties;
  private final TransactionTemplate transactions;

  MailDispatcher(MailOutbox outbox, MailDelivery delivery, MailProperties properties,
      TransactionTemplate transactions) {
    this.outbox = outbox;
    this.delivery = delivery;
    this.properties = properties;
    this.transactions = transactions;
  }

  /** Sends the mails due now, one transaction each; returns how many were handled (sent or failed). */
  int sendDue() {
    int handled = 0;
    for (int i = 0; i < BATCH; i++) {
      Boolean one = transactions.execute(status -> {
        List<MailOutbox.Pending> due = outbox.lockDue(1);
        if (due.isEmpty()) {
          return false;
        }
        send(due.get(0));
        return true;
      });
      if (!Boolean.TRUE.equals(one)) {
        break;
      }
      handled++;
    }
    return handled;
  }

  private void send(MailOutbox.Pending mail) {
    try {
      delivery.deliver(mail.id(), mail.recipientEmail(), mail.subject(), mail.textBody(), mail.htmlBody());
      outbox.markSent(mail.id());
    } catch (Exception e) {
      int attempts = mail.attempts() + 1;
      Duration retryIn = attempts >= properties.maxAttempts() ? null : properties.retryDelay(attempts);
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      outbox.markFailed(mail.id(), error, retryIn);
      if (retryIn == null) {
        log.error("Gave up mail {} to {} after {} attempts: {}", mail.id(), mail.recipientEmail(), attempts, error);
      } else {
        log.warn("Mail {} to {} not sent (attempt {}), next try in {}: {}", mail.id(), mail.recipientEmail(),
            attempts, retryIn, error);
      }
    }
  }
}

package io.contractflow.notification;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the two queues after the events behind them have committed. First the recorded events: each becomes its
 * mails in the outbox (recipients looked up, templates rendered) in one transaction; if that fails (the identity
 * provider cannot be reached, say), the event is tried again later. Then the outbox: each mail is sent in a
 * transaction of its own that holds the mail's row lock while it is handed over, so two nodes never send the same
 * mail at once. A failure (server down, refused, timed out) leaves the mail in the outbox for a later attempt, with
 * a growing wait; after the last attempt it is marked failed and stays there for an operator.
 */
class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
  private static final int BATCH = 20;

  private final NotificationEvents events;
  private final Notifier notifier;
  private final MailOutbox outbox;
  private final MailDelivery delivery;
  private final MailProperties properties;
  private final TransactionTemplate transactions;

  MailDispatcher(NotificationEvents events, Notifier notifier, MailOutbox outbox, MailDelivery delivery,
      MailProperties properties, TransactionTemplate transactions) {
    this.events = events;
    this.notifier = notifier;
    this.outbox = outbox;
    this.delivery = delivery;
    this.properties = properties;
    this.transactions = transactions;
  }

  /** Turns due events into mail, then sends due mail. */
  void work() {
    composeDue();
    sendDue();
  }

  /** Turns the events due now into mail, one transaction each; returns how many were handled. */
  int composeDue() {
    int handled = 0;
    for (int i = 0; i < BATCH; i++) {
      NotificationEvents.Pending[] failed = new NotificationEvents.Pending[1];
      Exception[] failure = new Exception[1];
      Boolean one = transactions.execute(status -> {
        List<NotificationEvents.Pending> due = events.lockDue(1);
        if (due.isEmpty()) {
          return false;
        }
        NotificationEvents.Pending event = due.get(0);
        try {
          notifier.compose(event.id(), event.kind(), event.payload());
          events.markDone(event.id());
        } catch (Exception e) {
          status.setRollbackOnly(); // none of its mails, and the lock is released
          failed[0] = event;
          failure[0] = e;
        }
        return true;
      });
      if (!Boolean.TRUE.equals(one)) {
        break;
      }
      if (failed[0] != null) {
        int attempts = failed[0].attempts() + 1;
        Duration retryIn = properties.retryAfter(attempts);
        String error = failure[0].getClass().getSimpleName() + ": " + failure[0].getMessage();
        events.markFailed(failed[0].id(), error, retryIn);
        log.warn("Could not write the mails of {} event {} (attempt {}){}: {}", failed[0].kind(), failed[0].id(),
            attempts, retryIn == null ? ", gave up" : ", next try in " + retryIn, error);
      }
      handled++;
    }
    return handled;
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
      Duration retryIn = properties.retryAfter(attempts);
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

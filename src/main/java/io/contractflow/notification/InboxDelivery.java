package io.contractflow.notification;

import io.contractflow.platform.privacy.Masked;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps mail inside the platform (the embedded default, where no SMTP server is configured): a mail
 * counts as delivered as soon as it is in its recipient's inbox ({@code GET
 * /api/notifications/mail}), and the log says so.
 */
final class InboxDelivery implements MailDelivery {

  private static final Logger log = LoggerFactory.getLogger(InboxDelivery.class);

  @Override
  public void deliver(UUID mailId, String to, String subject, String text, String html) {
    log.info(
        "Mail {} for {} kept in the platform's inbox (no SMTP server configured)",
        mailId,
        Masked.email(to));
  }
}

package io.contractflow.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hands mail to whatever delivers it; a mail not accepted is tried again later. */
interface MailDelivery {

  /**
   * Delivers the mail; throws when it was not accepted. The mail's id makes the Message-ID, so a
   * mail sent again after a lost acknowledgement carries the same Message-ID as the first and is
   * recognisable as the same mail.
   */
  void deliver(UUID mailId, String to, String subject, String text, String html) throws Exception;

  /**
   * Delivers several mails, in order; returns why each one that was not accepted was not (by the
   * mail's id), empty when all were. One at a time unless the delivery can do better (SMTP: one
   * connection for all).
   */
  default Map<UUID, String> deliverAll(List<Mails.Pending> mails) {
    Map<UUID, String> refused = new LinkedHashMap<>();
    for (Mails.Pending m : mails) {
      try {
        deliver(m.id(), m.recipientEmail(), m.subject(), m.textBody(), m.htmlBody());
      } catch (Exception e) {
        refused.put(m.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    return refused;
  }
}

package io.contractflow.notification;

import java.util.UUID;

/**
 * Hands one mail to whatever delivers it; throws when it was not accepted (it is tried again
 * later).
 */
interface MailDelivery {

  /**
   * Delivers the mail. The mail's id makes the Message-ID, so a mail sent again after a lost
   * acknowledgement carries the same Message-ID as the first and is recognisable as the same mail.
   */
  void deliver(UUID mailId, String to, String subject, String text, String html) throws Exception;
}

package io.contractflow.notification;

import java.util.UUID;

/**
 * One mail to one recipient, rendered and ready to send.
 *
 * @param dedupeKey what makes it unique: the event and the recipient; enqueueing the same key twice
 *     keeps one mail
 */
public record OutgoingMail(
    String dedupeKey,
    String event,
    UUID contractId,
    String recipientUser,
    String recipientEmail,
    String subject,
    String textBody,
    String htmlBody) {}

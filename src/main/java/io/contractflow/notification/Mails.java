package io.contractflow.notification;

import io.contractflow.document.crypto.EnvelopeEncryption;
import io.contractflow.platform.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's mail ({@code contractflow.mail}): each mail is written in the transaction of the
 * event that causes it, so it exists if and only if that event committed, together with an outbox
 * entry (topic {@value MailSending#TOPIC}) that has {@link MailSending} send it afterwards. Sent
 * mail stays for the inbox until the retention deletes it; mail held for a daily digest has no
 * entry ({@link DailyDigest} takes it).
 */
@Repository
public class Mails {

  /**
   * What stands in a sealed mail's body columns: the body itself is encrypted, and dropped once
   * sent.
   */
  static final String SEALED_PLACEHOLDER =
      "(This mail carries a credential: its body is stored encrypted and"
          + " removed once it is sent.)";

  private static final char SEPARATOR = '\u0000';

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final EnvelopeEncryption encryption;
  private final Outbox outbox;

  Mails(JdbcTemplate jdbc, Clock clock, EnvelopeEncryption encryption, Outbox outbox) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.encryption = encryption;
    this.outbox = outbox;
  }

  /** How a mail waits to be sent. */
  public enum Handling {
    /** sent as soon as possible */
    IMMEDIATE,
    /** held until the recipient's daily digest lists it ({@link DailyDigest}) */
    DIGEST,
    /**
     * sent as soon as possible; its body carries a credential, so it is stored encrypted and
     * dropped once sent
     */
    SEALED
  }

  /**
   * Writes the mail in the caller's transaction, to be sent as soon as possible; a second mail with
   * the same key is dropped.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(OutgoingMail mail) {
    enqueue(mail, Handling.IMMEDIATE);
  }

  /**
   * Writes the mail in the caller's transaction (and, unless it is held for a digest, the outbox
   * entry that sends it); a second mail with the same key is dropped. Returns whether it was
   * written.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean enqueue(OutgoingMail mail, Handling handling) {
    Timestamp now = Timestamp.from(clock.instant());
    UUID id = UUID.randomUUID();
    boolean sealed = handling == Handling.SEALED;
    byte[] body =
        sealed
            ? encryption.encrypt(
                (mail.textBody() + SEPARATOR + mail.htmlBody()).getBytes(StandardCharsets.UTF_8),
                aad(id))
            : null;
    boolean written =
        jdbc.update(
                """
        insert into contractflow.mail (id, dedupe_key, event, contract_id, recipient_user, recipient_email, subject,
            text_body, html_body, body_sealed, held_for_digest, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (dedupe_key) do nothing""",
                id,
                mail.dedupeKey(),
                mail.event(),
                mail.contractId(),
                mail.recipientUser(),
                mail.recipientEmail(),
                mail.subject(),
                sealed ? SEALED_PLACEHOLDER : mail.textBody(),
                sealed ? SEALED_PLACEHOLDER : mail.htmlBody(),
                body,
                handling == Handling.DIGEST,
                now)
            == 1;
    if (written && handling != Handling.DIGEST) {
      outbox.add(MailSending.TOPIC, id.toString());
    }
    return written;
  }

  /**
   * The sealed body is bound to the mail's id (named for the table it was first written to: keep
   * it).
   */
  private static String aad(UUID mailId) {
    return "mail-outbox:" + mailId;
  }

  /** A mail waiting to be sent. */
  record Pending(
      UUID id, String recipientEmail, String subject, String textBody, String htmlBody) {}

  private Pending pending(java.sql.ResultSet rs) throws java.sql.SQLException {
    UUID id = rs.getObject(1, UUID.class);
    byte[] sealed = rs.getBytes(6);
    String text = rs.getString(4);
    String html = rs.getString(5);
    if (sealed != null) {
      String body = new String(encryption.decrypt(sealed, aad(id)), StandardCharsets.UTF_8);
      int split = body.indexOf(SEPARATOR);
      text = body.substring(0, split);
      html = body.substring(split + 1);
    }
    return new Pending(id, rs.getString(2), rs.getString(3), text, html);
  }

  /** The mail, if it exists and is not sent yet. */
  Optional<Pending> unsent(UUID id) {
    return jdbc
        .query(
            """
        select id, recipient_email, subject, text_body, html_body, body_sealed from contractflow.mail
        where id = ? and sent_at is null""",
            (rs, i) -> pending(rs),
            id)
        .stream()
        .findFirst();
  }

  /**
   * Marks the mail sent; a sealed mail's encrypted body goes with it (the credential is not kept
   * once sent).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void markSent(UUID id) {
    jdbc.update(
        "update contractflow.mail set sent_at = ?, body_sealed = null where id = ?",
        Timestamp.from(clock.instant()),
        id);
  }

  /** A mail as its recipient reads it in the platform's inbox. */
  public record InboxMail(
      UUID id,
      String event,
      UUID contractId,
      String to,
      String subject,
      String text,
      String html,
      Instant createdAt,
      Instant sentAt) {}

  /** The latest mails to a user, newest first. */
  public List<InboxMail> inbox(String user, int limit) {
    return jdbc.query(
        """
        select id, event, contract_id, recipient_email, subject, text_body, html_body, created_at, sent_at
        from contractflow.mail where recipient_user = ? order by created_at desc limit ?""",
        (rs, i) ->
            new InboxMail(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()),
        user,
        limit);
  }
}

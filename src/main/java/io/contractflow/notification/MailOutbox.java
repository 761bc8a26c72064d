package io.contractflow.notification;

import io.contractflow.document.crypto.EnvelopeEncryption;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail outbox ({@code contractflow.mail_outbox}): mail is written in the transaction of the event that causes it,
 * so it exists if and only if that event committed; {@link MailDispatcher} sends it afterwards.
 */
@Repository
public class MailOutbox {

  /** What stands in a sealed mail's body columns: the body itself is encrypted, and dropped once sent. */
  static final String SEALED_PLACEHOLDER = "(This mail carries a credential: its body is stored encrypted and"
      + " removed once it is sent.)";
  private static final char SEPARATOR = '\u0000';

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final EnvelopeEncryption encryption;

  MailOutbox(JdbcTemplate jdbc, Clock clock, EnvelopeEncryption encryption) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.encryption = encryption;
  }

  /** How a mail waits in the outbox. */
  public enum Handling {
    /** sent as soon as possible */
    IMMEDIATE,
    /** held until the recipient's daily digest lists it ({@link DailyDigest}) */
    DIGEST,
    /** sent as soon as possible; its body carries a credential, so it is stored encrypted and dropped once sent */
    SEALED
  }

  /** Writes the mail in the caller's transaction, to be sent as soon as possible; a second mail with the same key is dropped. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(OutgoingMail mail) {
    enqueue(mail, Handling.IMMEDIATE);
  }

  /**
   * Writes the mail in the caller's transaction; a second mail with the same key is dropped. Returns whether it was
   * written.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean enqueue(OutgoingMail mail, Handling handling) {
    Timestamp now = Timestamp.from(clock.instant());
    UUID id = UUID.randomUUID();
    boolean sealed = handling == Handling.SEALED;
    byte[] body = sealed ? encryption.encrypt((mail.textBody() + SEPARATOR + mail.htmlBody())
        .getBytes(StandardCharsets.UTF_8), aad(id)) : null;
    return jdbc.update("""
        insert into contractflow.mail_outbox (id, dedupe_key, event, contract_id, recipient_user, recipient_email, subject,
            text_body, html_body, body_sealed, held_for_digest, created_at, next_attempt_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (dedupe_key) do nothing""",
        id, mail.dedupeKey(), mail.event(), mail.contractId(), mail.recipientUser(),
        mail.recipientEmail(), mail.subject(), sealed ? SEALED_PLACEHOLDER : mail.textBody(),
        sealed ? SEALED_PLACEHOLDER : mail.htmlBody(), body, handling == Handling.DIGEST, now, now) == 1;
  }

  private static String aad(UUID outboxId) {
    return "mail-outbox:" + outboxId;
  }

  /** A mail waiting to be sent. */
  record Pending(UUID id, String recipientEmail, String subject, String textBody, String htmlBody, int attempts) {}

  private Pending pending(java.sql.ResultSet rs) throws java.sql.SQLException {
    UUID id = rs.getObject(1, UUID.class);
    byte[] sealed = rs.getBytes(7);
    String text = rs.getString(4);
    String html = rs.getString(5);
    if (sealed != null) {
      String body = new String(encryption.decrypt(sealed, aad(id)), StandardCharsets.UTF_8);
      int split = body.indexOf(SEPARATOR);
      text = body.substring(0, split);
      html = body.substring(split + 1);
    }
    return new Pending(id, rs.getString(2), rs.getString(3), text, html, rs.getInt(6));
  }

  /**
   * Up to {@code limit} mails due now, locked for the calling transaction; other nodes skip them
   * ({@code FOR UPDATE SKIP LOCKED}), so each mail is handled by one node at a time.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  List<Pending> lockDue(int limit) {
    return jdbc.query("""
        select id, recipient_email, subject, text_body, html_body, attempts, body_sealed from contractflow.mail_outbox
        where sent_at is null and failed_at is null and not held_for_digest and next_attempt_at <= ?
        order by next_attempt_at, created_at limit ? for update skip locked""",
        (rs, i) -> pending(rs),
        Timestamp.from(clock.instant()), limit);
  }

  /** Marks the mail sent; a sealed mail's encrypted body goes with it (the credential is not kept once sent). */
  @Transactional(propagation = Propagation.MANDATORY)
  void markSent(UUID id) {
    jdbc.update("update contractflow.mail_outbox set sent_at = ?, attempts = attempts + 1, last_error = null,"
        + " body_sealed = null where id = ?", Timestamp.from(clock.instant()), id);
  }

  /** Records a failed attempt: tried again after {@code retryIn}, or given up when {@code retryIn} is null. */
  @Transactional(propagation = Propagation.MANDATORY)
  void markFailed(UUID id, String error, Duration retryIn) {
    FailedAttempts.record(jdbc, "contractflow.mail_outbox", id, error, retryIn, clock.instant());
  }

  /** Mails not yet sent nor given up: the backlog (mail held for a daily digest included). */
  public long backlog() {
    Long count = jdbc.queryForObject(
        "select count(*) from contractflow.mail_outbox where sent_at is null and failed_at is null", Long.class);
    return count == null ? 0 : count;
  }

  /** Mails waiting to be sent now (not held for a digest, not sent, not given up): for a backlog metric. */
  public long countPending() {
    Long count = jdbc.queryForObject("select count(*) from contractflow.mail_outbox"
        + " where sent_at is null and failed_at is null and not held_for_digest", Long.class);
    return count == null ? 0 : count;
  }

  /** A mail as its recipient reads it in the platform's inbox. */
  public record InboxMail(UUID id, String event, UUID contractId, String to, String subject, String text,
      String html, Instant createdAt, Instant sentAt) {}

  /** The latest mails to a user, newest first. */
  public List<InboxMail> inbox(String user, int limit) {
    return jdbc.query("""
        select id, event, contract_id, recipient_email, subject, text_body, html_body, created_at, sent_at
        from contractflow.mail_outbox where recipient_user = ? order by created_at desc limit ?""",
        (rs, i) -> new InboxMail(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8).toInstant(), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()),
        user, limit);
  }
}

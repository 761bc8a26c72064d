package io.contractflow.notification;

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

  private final JdbcTemplate jdbc;
  private final Clock clock;

  MailOutbox(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Writes the mail in the caller's transaction; a second mail with the same key is dropped. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(OutgoingMail mail) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("""
        insert into contractflow.mail_outbox (id, dedupe_key, event, contract_id, recipient_user, recipient_email, subject,
            text_body, html_body, created_at, next_attempt_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (dedupe_key) do nothing""",
        UUID.randomUUID(), mail.dedupeKey(), mail.event(), mail.contractId(), mail.recipientUser(),
        mail.recipientEmail(), mail.subject(), mail.textBody(), mail.htmlBody(), now, now);
  }

  /** A mail waiting to be sent. */
  record Pending(UUID id, String recipientEmail, String subject, String textBody, String htmlBody, int attempts) {}

  /**
   * Up to {@code limit} mails due now, locked for the calling transaction; other nodes skip them
   * ({@code FOR UPDATE SKIP LOCKED}), so each mail is handled by one node at a time.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  List<Pending> lockDue(int limit) {
    return jdbc.query("""
        select id, recipient_email, subject, text_body, html_body, attempts from contractflow.mail_outbox
        where sent_at is null and failed_at is null and next_attempt_at <= ?
        order by next_attempt_at, created_at limit ? for update skip locked""",
        (rs, i) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getInt(6)),
        Timestamp.from(clock.instant()), limit);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void markSent(UUID id) {
    jdbc.update("update contractflow.mail_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?",
        Timestamp.from(clock.instant()), id);
  }

  /** Records a failed attempt: tried again after {@code retryIn}, or given up when {@code retryIn} is null. */
  @Transactional(propagation = Propagation.MANDATORY)
  void markFailed(UUID id, String error, Duration retryIn) {
    Instant now = clock.instant();
    String message = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
    if (retryIn == null) {
      jdbc.update("update contractflow.mail_outbox set attempts = attempts + 1, failed_at = ?, last_error = ? where id = ?",
          Timestamp.from(now), message, id);
    } else {
      jdbc.update("update contractflow.mail_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?",
          Timestamp.from(now.plus(retryIn)), message, id);
    }
  }

  /** Mails not yet sent nor given up: the backlog. */
  public long backlog() {
    Long count = jdbc.queryForObject(
        "select count(*) from contractflow.mail_outbox where sent_at is null and failed_at is null", Long.class);
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

package io.contractflow.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: mail of users who chose {@code daily-digest} for its kind is written held (no
 * outbox entry sends it); once a day, at {@code contractflow.notifications.digest-time} ({@code
 * digest-zone}), each such user gets one mail listing what was held for them before that time, and
 * the held mails count as sent. A digest is one mail with the key {@code
 * daily-digest:<user>:<day>}, written in the same transaction that marks the held mails: with two
 * nodes the second waits on the key and writes nothing, and the held rows are locked ({@code SKIP
 * LOCKED}) meanwhile.
 */
@Component
class DailyDigest {

  private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
  static final String EVENT = "daily-digest";

  private final JdbcTemplate jdbc;
  private final Mails mails;
  private final MailTemplates templates;
  private final MailProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DailyDigest(
      JdbcTemplate jdbc,
      Mails mails,
      MailTemplates templates,
      MailProperties properties,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.mails = mails;
    this.templates = templates;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** The digest time of the latest day whose digest time has come by {@code now}. */
  ZonedDateTime latestCutoff(Instant now) {
    ZonedDateTime today =
        LocalDate.ofInstant(now, properties.digestZone())
            .atTime(properties.digestTime())
            .atZone(properties.digestZone());
    return now.isBefore(today.toInstant()) ? today.minusDays(1) : today;
  }

  /**
   * Sends the digests due at {@code now}: for the latest digest time passed, each user's held mail
   * before it.
   */
  int sendDue(Instant now) {
    ZonedDateTime cutoff = latestCutoff(now);
    List<String> users =
        jdbc.queryForList(
            """
        select distinct recipient_user from contractflow.mail
        where held_for_digest and digest_id is null and sent_at is null and recipient_user is not null
          and created_at < ?""",
            String.class,
            Timestamp.from(cutoff.toInstant()));
    int sent = 0;
    for (String user : users) {
      try {
        if (Boolean.TRUE.equals(transactions.execute(status -> digest(user, cutoff, status)))) {
          sent++;
        }
      } catch (RuntimeException e) {
        log.warn(
            "Daily digest of {} for {} not written: {}", user, cutoff.toLocalDate(), e.toString());
      }
    }
    return sent;
  }

  private boolean digest(
      String user, ZonedDateTime cutoff, org.springframework.transaction.TransactionStatus status) {
    List<Held> held =
        jdbc.query(
            """
        select id, recipient_email, subject, text_body, contract_id, created_at from contractflow.mail
        where recipient_user = ? and held_for_digest and digest_id is null and sent_at is null and created_at < ?
        order by created_at for update skip locked""",
            (rs, i) ->
                new Held(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, UUID.class),
                    rs.getTimestamp(6).toInstant()),
            user,
            Timestamp.from(cutoff.toInstant()));
    if (held.isEmpty()) {
      return false; // another node has them
    }
    LocalDate day = cutoff.toLocalDate();
    String platform = properties.platformName() + ": ";
    Map<String, Object> values = new HashMap<>();
    values.put("day", day.toString());
    values.put(
        "items",
        held.stream()
            .map(
                h ->
                    Map.of(
                        "subject",
                        h.subject().startsWith(platform)
                            ? h.subject().substring(platform.length())
                            : h.subject(),
                        "text",
                        h.text()))
            .toList());
    values.put(
        "footer",
        "sent you this digest because you chose to receive these notifications once a day"
            + " (GET/PUT "
            + properties.base()
            + "/api/notifications/preferences).");
    String subject =
        "Your daily digest of "
            + day
            + " ("
            + held.size()
            + (held.size() == 1 ? " notification)" : " notifications)");
    String email = held.get(held.size() - 1).email();
    MailTemplates.Rendered mail =
        templates.render(EVENT, subject, new People.Person(user, user, email), values);
    String key = EVENT + ":" + user + ":" + day;
    boolean written =
        mails.enqueue(
            new OutgoingMail(
                key, EVENT, null, user, email, mail.subject(), mail.text(), mail.html()),
            Mails.Handling.IMMEDIATE);
    if (!written) {
      status.setRollbackOnly(); // this day's digest exists: the held mail waits for the next one
      return false;
    }
    UUID digestId =
        jdbc.queryForObject(
            "select id from contractflow.mail where dedupe_key = ?", UUID.class, key);
    Timestamp now = Timestamp.from(clock.instant());
    for (Held h : held) {
      jdbc.update(
          "update contractflow.mail set digest_id = ?, sent_at = ? where id = ?",
          digestId,
          now,
          h.id());
    }
    log.info("Daily digest of {} for {}: {} mail(s)", user, day, held.size());
    return true;
  }

  private record Held(
      UUID id, String email, String subject, String text, UUID contractId, Instant createdAt) {}
}

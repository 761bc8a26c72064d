package io.contractflow.notification;

import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes sent mail and handled events (those kept for their key) older than {@code
 * contractflow.notifications.retention} (default 90 days), a batch per transaction so a large
 * backlog never holds long locks. Mail not yet sent, held for a digest, or given up stays (the last
 * for an operator).
 */
@Component
class MailRetention {

  private static final Logger log = LoggerFactory.getLogger(MailRetention.class);
  static final int BATCH = 500;

  private final JdbcTemplate jdbc;
  private final NotificationEvents events;
  private final MailProperties properties;

  MailRetention(JdbcTemplate jdbc, NotificationEvents events, MailProperties properties) {
    this.jdbc = jdbc;
    this.events = events;
    this.properties = properties;
  }

  /**
   * Deletes what is past retention at {@code now}, {@code batch} rows at a time; returns how many
   * rows went. (Mail is dated by the platform's clock, as {@code now}; handled events by the
   * outbox's, the database's.)
   */
  int purge(Instant now, int batch) {
    Instant cutoff = now.minus(properties.retention());
    int deleted = 0;
    int round;
    do {
      round =
          jdbc.update(
              """
          delete from contractflow.mail where id in (select id from contractflow.mail
              where sent_at < ? limit ?)""",
              Timestamp.from(cutoff),
              batch);
      deleted += round;
    } while (round == batch);
    do {
      round = events.purgeHandled(properties.retention(), batch);
      deleted += round;
    } while (round == batch);
    if (deleted > 0) {
      log.info(
          "Deleted {} sent mail(s) and handled event(s) older than {}",
          deleted,
          properties.retention());
    }
    return deleted;
  }
}

package io.contractflow.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A failed attempt at a row of one of the notification queues ({@code mail_outbox}, {@code notification_event}):
 * counted, its error kept (at most 1000 characters), and either due again after a wait or given up.
 */
final class FailedAttempts {

  private static final int MAX_ERROR_LENGTH = 1000;

  private FailedAttempts() {}

  /**
   * Records the attempt on the row {@code id} of {@code table} (one of the queues' fixed names): tried again after
   * {@code retryIn}, or given up ({@code failed_at}) when {@code retryIn} is null.
   */
  static void record(JdbcTemplate jdbc, String table, UUID id, String error, Duration retryIn, Instant now) {
    String message = error == null ? "unknown error"
        : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    if (retryIn == null) {
      jdbc.update("update " + table + " set attempts = attempts + 1, failed_at = ?, last_error = ? where id = ?",
          Timestamp.from(now), message, id);
    } else {
      jdbc.update("update " + table + " set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?",
          Timestamp.from(now.plus(retryIn)), message, id);
    }
  }
}

package io.contractflow.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's choice per kind of mail ({@code contractflow.notification_preference}): on or off,
 * and sent at once or held for the daily digest. Without a row a kind is on and immediate. Signer
 * invitations (signers are not users) and the digest itself are not a choice.
 */
@Repository
class NotificationPreferences {

  /** The kinds of mail a user can choose about, as the outbox's {@code event} names them. */
  static final List<String> KINDS =
      List.of(
          "task-waiting",
          "contract-update",
          "review-overdue",
          "signing-outcome",
          "renewal-reminder",
          "contract-expired",
          "process-step");

  /** How a user receives one kind of mail. */
  enum Delivery {
    IMMEDIATE,
    DAILY_DIGEST
  }

  /** One kind's setting. */
  record Preference(boolean enabled, Delivery delivery) {
    static final Preference DEFAULT = new Preference(true, Delivery.IMMEDIATE);
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  NotificationPreferences(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Every kind's setting for the user, defaults filled in, in the order of {@link #KINDS}. */
  Map<String, Preference> of(String user) {
    Map<String, Preference> all = new LinkedHashMap<>();
    KINDS.forEach(kind -> all.put(kind, Preference.DEFAULT));
    jdbc.query(
        "select event, enabled, delivery from contractflow.notification_preference where user_id = ?",
        rs -> {
          if (all.containsKey(rs.getString(1))) {
            all.put(
                rs.getString(1),
                new Preference(rs.getBoolean(2), Delivery.valueOf(rs.getString(3))));
          }
        },
        user);
    return all;
  }

  /**
   * The user's setting for one kind (the default for a user without one, or a kind that is not a
   * choice).
   */
  Preference of(String user, String kind) {
    List<Preference> found =
        jdbc.query(
            """
        select enabled, delivery from contractflow.notification_preference where user_id = ? and event = ?""",
            (rs, i) -> new Preference(rs.getBoolean(1), Delivery.valueOf(rs.getString(2))),
            user,
            kind);
    return found.isEmpty() ? Preference.DEFAULT : found.get(0);
  }

  /** Sets the given kinds (others stay as they are). */
  @Transactional
  void save(String user, Map<String, Preference> changes) {
    Timestamp now = Timestamp.from(clock.instant());
    changes.forEach(
        (kind, preference) ->
            jdbc.update(
                """
        insert into contractflow.notification_preference (user_id, event, enabled, delivery, updated_at)
        values (?, ?, ?, ?, ?)
        on conflict (user_id, event) do update set enabled = excluded.enabled, delivery = excluded.delivery,
            updated_at = excluded.updated_at""",
                user,
                kind,
                preference.enabled(),
                preference.delivery().name(),
                now));
  }
}

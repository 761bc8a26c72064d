package io.contractflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When each user last signed in, for the access review ({@code contractflow.user_sign_in}): every
 * successful authentication counts (a password, the workspace's form, OIDC, a bearer token), but a
 * user's row is written at most every ten minutes, so that API calls with a password or a token
 * cost no write each. A failed write is logged and never fails the sign-in.
 */
@Component
public class SignIns {

  static final Duration PRECISION = Duration.ofMinutes(10);
  private static final int REMEMBERED = 10_000;
  private static final Logger log = LoggerFactory.getLogger(SignIns.class);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Map<String, Instant> written = new ConcurrentHashMap<>();

  SignIns(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The last sign-in of a user, and where. */
  public record SignIn(Instant at, String surface) {}

  void signedIn(String user, String surface) {
    if (user == null || user.isBlank() || user.length() > 64) {
      return;
    }
    Instant now = clock.instant();
    Instant before = written.get(user);
    if (before != null && before.plus(PRECISION).isAfter(now)) {
      return;
    }
    if (written.size() > REMEMBERED) {
      written.clear();
    }
    written.put(user, now);
    try {
      jdbc.update(
          """
          insert into contractflow.user_sign_in (user_id, last_at, surface) values (?, ?, ?)
          on conflict (user_id) do update set last_at = excluded.last_at, surface = excluded.surface
          """,
          user,
          Timestamp.from(now),
          surface);
    } catch (RuntimeException e) {
      written.remove(user);
      log.debug("Could not record the sign-in of {}: {}", user, e.toString());
    }
  }

  /** Every user's last sign-in, by user id. */
  public Map<String, SignIn> all() {
    Map<String, SignIn> all = new LinkedHashMap<>();
    jdbc.query(
        "select user_id, last_at, surface from contractflow.user_sign_in order by user_id",
        rs -> {
          all.put(rs.getString(1), new SignIn(rs.getTimestamp(2).toInstant(), rs.getString(3)));
        });
    return all;
  }
}

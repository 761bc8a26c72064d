package io.contractflow.calendar;

import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal feed tokens: 256 random bits from {@link SecureRandom}, base64url without padding (43
 * characters), shown once when made. Only a token's SHA-256 is stored and looked up, so the
 * database never holds or compares the secret, and a string that could not be a token is refused
 * before any lookup. Revoked tokens stay (with {@code revoked_at}) and never work again.
 */
@Component
class FeedTokens {

  private static final int BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token as its owner sees it: never the secret. */
  record FeedToken(UUID id, String label, Instant createdAt, Instant lastUsedAt) {}

  /** A token just made, with the secret that is shown this once. */
  record Issued(FeedToken token, String secret) {}

  private final JdbcTemplate jdbc;
  private final CalendarProperties properties;
  private final Clock clock;

  FeedTokens(JdbcTemplate jdbc, CalendarProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  Issued issue(String username, String label) {
    // one user's tokens are counted and added one at a time
    jdbc.queryForList(
        "select pg_advisory_xact_lock(hashtext('calendar_feed_token:' || ?))", username);
    Integer active =
        jdbc.queryForObject(
            "select count(*) from contractflow.calendar_feed_token where username = ? and revoked_at is null",
            Integer.class,
            username);
    if (active != null && active >= properties.maxTokensPerUser()) {
      throw new ConflictException(
          "You already have "
              + active
              + " calendar feeds, the most one may hold; revoke one you no longer use first");
    }
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.update(
        "insert into contractflow.calendar_feed_token (id, username, token_sha256, label, created_at)"
            + " values (?, ?, ?, ?, ?)",
        id,
        username,
        sha256(secret),
        label,
        Timestamp.from(now));
    return new Issued(new FeedToken(id, label, now, null), secret);
  }

  @Transactional(readOnly = true)
  List<FeedToken> mine(String username) {
    return jdbc.query(
        "select id, label, created_at, last_used_at from contractflow.calendar_feed_token"
            + " where username = ? and revoked_at is null order by created_at, id",
        (rs, i) ->
            new FeedToken(
                rs.getObject("id", UUID.class),
                rs.getString("label"),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("last_used_at"))
                    .map(Timestamp::toInstant)
                    .orElse(null)),
        username);
  }

  /** Revokes one of the user's own tokens; another's, or one already revoked, is not found. */
  @Transactional
  void revoke(String username, UUID id) {
    int revoked =
        jdbc.update(
            "update contractflow.calendar_feed_token set revoked_at = ?"
                + " where id = ? and username = ? and revoked_at is null",
            Timestamp.from(clock.instant()),
            id,
            username);
    if (revoked == 0) {
      throw NotFoundException.of("Calendar feed", id);
    }
  }

  /** The user of a valid, unrevoked token, noting that it was used; empty for anything else. */
  @Transactional
  Optional<String> use(String secret) {
    if (!wellFormed(secret)) {
      return Optional.empty();
    }
    List<String> users =
        jdbc.queryForList(
            "update contractflow.calendar_feed_token set last_used_at = ?"
                + " where token_sha256 = ? and revoked_at is null returning username",
            String.class,
            Timestamp.from(clock.instant()),
            sha256(secret));
    return users.stream().findFirst();
  }

  static boolean wellFormed(String secret) {
    return secret != null && FORMAT.matcher(secret).matches();
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}

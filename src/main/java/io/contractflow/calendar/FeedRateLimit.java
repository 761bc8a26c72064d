package io.contractflow.calendar;

import io.contractflow.platform.error.TooManyAttemptsException;
import io.contractflow.security.Announcements;
import io.contractflow.security.Budgets;
import io.contractflow.security.SecurityLog;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The feed's budgets (Bucket4j, in this node's memory): each token may be fetched {@code
 * feed-requests} times per {@code feed-period}, whoever fetches it (a calendar service fetches for
 * many users from few addresses, so the token, not the address, is the key); and a source address
 * that presents unknown or revoked tokens is refused unchecked after {@code misses-per-source}.
 * Tokens are far too many to guess; the second budget keeps guessing from costing lookups. A budget
 * running out is logged once per minute and key, as the API's.
 */
@Component
class FeedRateLimit {

  private static final int MAX_TRACKED = 100_000;

  private final Budgets perToken;
  private final Budgets missesPerSource;
  private final SecurityLog securityLog;
  private final Announcements announced = new Announcements(Duration.ofMinutes(1), 10_000);

  FeedRateLimit(CalendarProperties properties, SecurityLog securityLog) {
    this.perToken = new Budgets(properties.feedRequests(), properties.feedPeriod(), MAX_TRACKED);
    this.missesPerSource =
        new Budgets(properties.missesPerSource(), properties.feedPeriod(), MAX_TRACKED);
    this.securityLog = securityLog;
  }

  /** Before any lookup: refuses a source out of misses, then takes one fetch of the token's. */
  void before(String secret, String sourceIp) {
    refuseIfSpent(missesPerSource.check(sourceIp), "calendar-feed-misses", sourceIp, sourceIp);
    String key = HexFormat.of().formatHex(FeedTokens.sha256(secret == null ? "" : secret));
    refuseIfSpent(perToken.take(key), "calendar-feed", key.substring(0, 12), sourceIp);
  }

  /** A request whose token did not work. */
  void missed(String sourceIp) {
    missesPerSource.take(sourceIp);
  }

  private void refuseIfSpent(Optional<Duration> wait, String scope, String key, String sourceIp) {
    if (wait.isPresent()) {
      if (announced.firstIn(scope + ":" + key, Instant.now())) {
        securityLog.rateLimited(scope, key, sourceIp, wait.get());
      }
      throw new TooManyAttemptsException(
          "too-many-requests", "This calendar feed was fetched too often", wait.get());
    }
  }
}

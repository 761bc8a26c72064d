package io.contractflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Guards password checks on every surface that takes a password (HTTP Basic on the API, the Camunda
 * webapps' login form). Wrong passwords are counted per <em>account and source address</em>: past a
 * few, that pair is blocked for a delay that doubles with each further failure, up to a cap; a
 * success clears it. Failures from one source never block the account for another source, so a
 * stranger cannot lock anyone out, and no block is permanent. Each source also has a budget of
 * wrong passwords across all accounts (guessing many accounts at once). Blocked attempts are
 * refused without checking the password (HTTP 429 with {@code Retry-After}). State lives in this
 * node's memory.
 */
@Component
public class LoginGuard {

  private final SecurityProperties.Login settings;
  private final boolean budgetsEnabled;
  private final Budgets failuresPerSource;
  private final SecurityLog securityLog;
  private final Clock clock;
  private final Map<Key, Failures> failures = new ConcurrentHashMap<>();
  private final Announcements announced = new Announcements(Duration.ofMinutes(1), 10_000);

  public LoginGuard(SecurityProperties properties, SecurityLog securityLog, Clock clock) {
    this.settings = properties.login();
    SecurityProperties.RateLimits limits = properties.rateLimits();
    this.budgetsEnabled = limits.enabled();
    this.failuresPerSource =
        new Budgets(
            limits.failedLoginsPerSource().capacity(),
            limits.failedLoginsPerSource().period(),
            limits.maxTracked());
    this.securityLog = securityLog;
    this.clock = clock;
  }

  private record Key(String account, String source) {
    static Key of(String account, String source) {
      String name = account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
      return new Key(
          name.length() > 256 ? name.substring(0, 256) : name, source == null ? "" : source);
    }
  }

  /** Failures in a row for one key, when the last one was, and until when the key is blocked. */
  private record Failures(int count, Instant last, Instant blockedUntil) {}

  /**
   * Whether a password for {@code account} from {@code source} may be checked now: empty if so,
   * else how long to wait. A refusal is logged; the caller answers 429 without checking.
   */
  public Optional<Duration> refusal(String account, String source, String surface) {
    Instant now = clock.instant();
    Failures known = failures.get(Key.of(account, source));
    Duration wait =
        known == null || !known.blockedUntil().isAfter(now)
            ? Duration.ZERO
            : Duration.between(now, known.blockedUntil());
    if (budgetsEnabled) {
      Duration budget = failuresPerSource.check(source).orElse(Duration.ZERO);
      if (budget.compareTo(wait) > 0) {
        if (announced.firstIn(source, now)) {
          securityLog.rateLimited("failed-logins", source, source, budget);
        }
        wait = budget;
      }
    }
    if (wait.isZero()) {
      return Optional.empty();
    }
    securityLog.loginRefused(account, source, surface, wait);
    return Optional.of(wait);
  }

  /** A wrong password (or unknown account) for {@code account} from {@code source}. */
  public void failed(String account, String source, String surface) {
    Instant now = clock.instant();
    Key key = Key.of(account, source);
    forgetIdleWhenFull(now);
    Failures updated =
        failures.compute(
            key,
            (k, old) -> {
              int count =
                  old == null || old.last().plus(settings.forgetAfter()).isBefore(now)
                      ? 1
                      : old.count() + 1;
              return new Failures(count, now, now.plus(settings.delayAfter(count)));
            });
    securityLog.loginFailed(account, source, surface, updated.count());
    Duration delay = settings.delayAfter(updated.count());
    if (!delay.isZero()) {
      securityLog.loginThrottled(account, source, surface, updated.count(), delay);
    }
    if (budgetsEnabled) {
      failuresPerSource.take(source);
    }
  }

  /** A right password: the account's failures from this source are forgotten. */
  public void succeeded(String account, String source, String surface, boolean interactive) {
    Failures before = failures.remove(Key.of(account, source));
    securityLog.loginSucceeded(
        account, source, surface, before == null ? 0 : before.count(), interactive);
  }

  private void forgetIdleWhenFull(Instant now) {
    if (failures.size() < settings.maxTracked()) {
      return;
    }
    failures
        .entrySet()
        .removeIf(
            e ->
                e.getValue().last().plus(settings.forgetAfter()).isBefore(now)
                    && !e.getValue().blockedUntil().isAfter(now));
    if (failures.size() >= settings.maxTracked()) {
      failures.entrySet().stream()
          .sorted(Comparator.comparing(e -> e.getValue().last()))
          .limit(failures.size() - settings.maxTracked() + 1L)
          .map(Map.Entry::getKey)
          .toList()
          .forEach(failures::remove);
    }
  }
}

package io.contractflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Protection of logins and of the API.
 *
 * @param login the throttle of wrong passwords, per account and source address
 * @param rateLimits request budgets per source address (logins) and per user (API)
 * @param basicAuth how long a checked HTTP Basic password is trusted without asking the identity
 *     store again
 */
@ConfigurationProperties("contractflow.security")
public record SecurityProperties(
    @DefaultValue Login login,
    @DefaultValue RateLimits rateLimits,
    @DefaultValue BasicAuth basicAuth) {

  /**
   * An API client sends its password with every request; checking it (a password hash and the
   * user's groups from the database) every time costs more than most requests themselves. A
   * successful check is remembered for {@code trustFor}, under a keyed hash of the user and
   * password (never the password itself), so a changed password, a removed user or changed groups
   * apply within that time; a wrong password is never remembered. Zero turns it off.
   *
   * @param maxRemembered how many (user, password) pairs are remembered at most
   */
  public record BasicAuth(
      @DefaultValue("30s") Duration trustFor, @DefaultValue("10000") int maxRemembered) {}

  /**
   * Wrong passwords for one account from one source address: the first {@code freeFailures} cost
   * nothing, each further one blocks that account <em>from that source</em> for a delay that starts
   * at {@code firstDelay} and doubles up to {@code maxDelay}. A success, or {@code forgetAfter}
   * without failures, starts afresh. Other sources are never affected, so nobody can lock another
   * person out.
   *
   * @param maxTracked how many (account, source) pairs are remembered at most; idle ones are
   *     forgotten first
   */
  public record Login(
      @DefaultValue("3") int freeFailures,
      @DefaultValue("1s") Duration firstDelay,
      @DefaultValue("5m") Duration maxDelay,
      @DefaultValue("15m") Duration forgetAfter,
      @DefaultValue("100000") int maxTracked) {

    /** The block after the {@code failures}-th failure in a row (zero while failures are free). */
    public Duration delayAfter(int failures) {
      int over = failures - freeFailures;
      if (over <= 0) {
        return Duration.ZERO;
      }
      Duration delay = firstDelay;
      for (int i = 1; i < over && delay.compareTo(maxDelay) < 0; i++) {
        delay = delay.multipliedBy(2);
      }
      return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
  }

  /**
   * Budgets refilled evenly over their period (Bucket4j token buckets, kept in this node's memory).
   *
   * @param enabled whether the budgets apply at all (the per-account throttle always does)
   * @param failedLoginsPerSource wrong passwords one source address may send, whatever the accounts
   *     (guessing across many accounts)
   * @param apiRequestsPerUser requests to {@code /api} and {@code /engine-rest} per signed-in user,
   *     or per source address for callers without a login (signer links, webhooks)
   * @param maxTracked how many budgets are kept at most; full (idle) ones are dropped first
   */
  public record RateLimits(
      @DefaultValue("true") boolean enabled,
      @DefaultValue FailedLogins failedLoginsPerSource,
      @DefaultValue ApiRequests apiRequestsPerUser,
      @DefaultValue("100000") int maxTracked) {}

  /** At most {@code capacity} failures, refilled over {@code period}. */
  public record FailedLogins(
      @DefaultValue("50") int capacity, @DefaultValue("10m") Duration period) {}

  /** At most {@code capacity} requests at once, refilled over {@code period}. */
  public record ApiRequests(
      @DefaultValue("1200") int capacity, @DefaultValue("1m") Duration period) {}
}

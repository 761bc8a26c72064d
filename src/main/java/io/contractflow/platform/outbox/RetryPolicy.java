package io.contractflow.platform.outbox;

import java.time.Duration;

/**
 * How a topic's failed entries are tried again: the wait starts at {@code firstRetry} and doubles
 * with each failed attempt up to {@code maxRetryDelay}; after {@code maxAttempts} failed attempts
 * the entry is given up (marked failed, left in the table for an operator). {@code maxAttempts} 0:
 * never given up.
 */
public record RetryPolicy(Duration firstRetry, Duration maxRetryDelay, int maxAttempts) {

  public RetryPolicy {
    if (firstRetry.isNegative()
        || firstRetry.isZero()
        || maxRetryDelay.compareTo(firstRetry) < 0
        || maxAttempts < 0) {
      throw new IllegalArgumentException(
          "a retry policy needs 0 < firstRetry <= maxRetryDelay and maxAttempts >= 0");
    }
  }

  /** Whether an entry of this topic is ever given up. */
  public boolean givesUp() {
    return maxAttempts > 0;
  }

  /**
   * The wait before the next attempt after {@code failures} failed attempts, or null once it is
   * given up.
   */
  public Duration retryAfter(int failures) {
    return givesUp() && failures >= maxAttempts ? null : delay(failures);
  }

  /** {@code firstRetry} doubled per failure after the first, at most {@code maxRetryDelay}. */
  Duration delay(int failures) {
    int doublings = Math.max(0, failures - 1);
    if (doublings >= 62) {
      return maxRetryDelay;
    }
    long millis = firstRetry.toMillis();
    long max = maxRetryDelay.toMillis();
    return Duration.ofMillis(
        millis > (max >> doublings) ? max : Math.min(max, millis << doublings));
  }
}

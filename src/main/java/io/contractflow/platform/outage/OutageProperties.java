package io.contractflow.platform.outage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The "database unavailable" gate ({@link DatabaseGate}).
 *
 * @param enabled {@code false}: no gate, every caller waits for the pool as before
 * @param openFor how long after the database failed every connection is refused at once (requests
 *     answered 503 with this as {@code Retry-After}, rounded up to whole seconds), before one
 *     caller is let through to try it again
 * @param window how many of the latest attempts to connect are weighed
 * @param minimumAttempts how many attempts (of the window) must have been made before it may open
 * @param failureRate the percentage of failed attempts (of the database being down, not of a busy
 *     pool) that opens it
 */
@ConfigurationProperties("contractflow.outage")
public record OutageProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("2s") Duration openFor,
    @DefaultValue("10") int window,
    @DefaultValue("3") int minimumAttempts,
    @DefaultValue("50") float failureRate) {

  /** {@link #openFor} in whole seconds, at least 1: the {@code Retry-After} of a refusal. */
  public long retryAfterSeconds() {
    return Math.max(1, (openFor.toMillis() + 999) / 1000);
  }
}

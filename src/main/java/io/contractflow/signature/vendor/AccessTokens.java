package io.contractflow.signature.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A vendor's access token, kept until shortly before it expires (or until the vendor answers 401),
 * then fetched anew. Thread-safe; one fetch at a time.
 */
public final class AccessTokens {

  /** A token and how long the vendor said it lives. */
  public record Token(String value, Duration lifetime) {}

  /** A token is renewed this long before its expiry, so none expires in flight. */
  static final Duration MARGIN = Duration.ofSeconds(60);

  private final Supplier<Token> fetch;
  private final Clock clock;
  private String value;
  private Instant renewAt = Instant.MIN;

  public AccessTokens(Supplier<Token> fetch, Clock clock) {
    this.fetch = fetch;
    this.clock = clock;
  }

  /** The current token, fetched if there is none or it is about to expire. */
  public synchronized String get() {
    if (value == null || !clock.instant().isBefore(renewAt)) {
      Token token = fetch.get();
      value = token.value();
      Duration lifetime = token.lifetime();
      renewAt =
          clock
              .instant()
              .plus(
                  lifetime.compareTo(MARGIN.multipliedBy(2)) > 0
                      ? lifetime.minus(MARGIN)
                      : lifetime.dividedBy(2));
    }
    return value;
  }

  /**
   * Forgets {@code rejected} (the vendor answered 401 to it), so the next {@link #get} fetches a
   * new one.
   */
  public synchronized void invalidate(String rejected) {
    if (rejected != null && rejected.equals(value)) {
      value = null;
    }
  }
}

package io.contractflow.platform.error;

import java.time.Duration;
import java.util.List;

/**
 * The caller asked too often; they may ask again after {@link #retryAfterSeconds()} (HTTP 429,
 * Retry-After).
 */
public class TooManyAttemptsException extends DomainException {

  private final Duration retryAfter;

  public TooManyAttemptsException(String problem, String detail, Duration retryAfter) {
    super(problem, detail, List.of());
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, rounded up, at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0));
  }
}

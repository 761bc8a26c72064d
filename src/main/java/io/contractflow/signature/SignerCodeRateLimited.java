package io.contractflow.signature;

import io.contractflow.platform.web.ApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A signer asked for codes too often: 429, and when they may ask again ({@code Retry-After}, whole seconds). */
class SignerCodeRateLimited extends ApiException {

  private final Duration retryAfter;

  SignerCodeRateLimited(Duration retryAfter, String detail) {
    super(HttpStatus.TOO_MANY_REQUESTS, "too-many-codes", detail);
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, rounded up, at least 1. */
  long retryAfterSeconds() {
    return Math.max(1, retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0));
  }
}

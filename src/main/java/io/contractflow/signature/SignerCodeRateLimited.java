package io.contractflow.signature;

import io.contractflow.platform.error.TooManyAttemptsException;
import java.time.Duration;

/**
 * A signer asked for codes too often: 429, and when they may ask again ({@code Retry-After}, whole
 * seconds).
 */
class SignerCodeRateLimited extends TooManyAttemptsException {

  SignerCodeRateLimited(Duration retryAfter, String detail) {
    super("too-many-codes", detail, retryAfter);
  }
}

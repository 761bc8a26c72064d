package io.contractflow.platform.web;

import java.io.IOException;

/** Raised while reading a request body that exceeds the configured limit; reported as 413. */
public class PayloadTooLargeException extends IOException {

  public PayloadTooLargeException(long limit) {
    super("The request body exceeds the limit of " + limit + " bytes");
  }
}

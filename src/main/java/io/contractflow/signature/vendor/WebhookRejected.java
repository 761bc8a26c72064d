package io.contractflow.signature.vendor;

/** A webhook call that failed verification: answered 401, and nothing of it is read. */
public class WebhookRejected extends RuntimeException {

  public WebhookRejected(String message) {
    super(message);
  }
}

package io.contractflow.signature.vendor;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A webhook call as it arrived: method, raw body, headers (names in lower case) and query
 * parameters.
 *
 * @param path the part of the URL after {@code /api/webhooks/esign/{provider}}, e.g. a callback
 *     token
 */
public record WebhookCall(
    String method,
    byte[] body,
    Map<String, String> headers,
    Map<String, String> query,
    String path) {

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public String query(String name) {
    return query.get(name);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}

package io.contractflow.signature.vendor.pandadoc;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.signature.vendor.AccessTokens;
import io.contractflow.signature.vendor.VendorHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * PandaDoc calls with the API key, or with an OAuth access token renewed before expiry and on 401.
 */
class PandaDocSession {

  private final PandaDocProperties properties;
  private final RestClient http;
  private final AccessTokens tokens;

  PandaDocSession(PandaDocProperties properties, RestClient http, Clock clock) {
    this.properties = properties;
    this.http = http;
    this.tokens = new AccessTokens(this::refresh, clock);
  }

  RestClient http() {
    return http;
  }

  String url(String path) {
    return properties.baseUrl().toString().replaceAll("/+$", "") + path;
  }

  /**
   * Calls with the {@code Authorization} header value; an OAuth token refused with 401 is renewed
   * once.
   */
  <T> T call(Function<String, T> call) {
    if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
      return call.apply("API-Key " + properties.apiKey());
    }
    String token = tokens.get();
    try {
      return call.apply("Bearer " + token);
    } catch (RestClientResponseException e) {
      if (!VendorHttp.unauthorized(e)) {
        throw e;
      }
      tokens.invalidate(token);
      return call.apply("Bearer " + tokens.get());
    }
  }

  private AccessTokens.Token refresh() {
    if (properties.refreshToken() == null || properties.clientSecret() == null) {
      throw new IllegalStateException(
          "PandaDoc needs CONTRACTFLOW_SIGNING_PANDADOC_APIKEY, or a client id, secret"
              + " and refresh token");
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "refresh_token");
    form.add("client_id", properties.clientId());
    form.add("client_secret", properties.clientSecret());
    form.add("refresh_token", properties.refreshToken());
    form.add("scope", "read+write");
    JsonNode token =
        http.post()
            .uri(url("/oauth2/access_token"))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .body(JsonNode.class);
    if (token == null || !token.hasNonNull("access_token")) {
      throw new IllegalStateException("PandaDoc's token response has no access_token");
    }
    return new AccessTokens.Token(
        token.get("access_token").asText(),
        Duration.ofSeconds(token.path("expires_in").asLong(3600)));
  }
}

package io.contractflow.signature.vendor.adobesign;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.signature.vendor.AccessTokens;
import io.contractflow.signature.vendor.VendorHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * An authenticated Acrobat Sign session: access tokens from the refresh-token flow ({@code POST
 * <api_access_point>/oauth/v2/refresh}), renewed before expiry or on 401, and the REST base from
 * {@code GET /api/rest/v6/baseUris} ({@code apiAccessPoint} + {@code api/rest/v6}).
 */
class AdobeSignSession {

  private static final Logger log = LoggerFactory.getLogger(AdobeSignSession.class);

  private final AdobeSignProperties properties;
  private final RestClient http;
  private final AccessTokens tokens;
  private volatile String accessPoint;
  private volatile String restBase;

  AdobeSignSession(AdobeSignProperties properties, RestClient http, Clock clock) {
    this.properties = properties;
    this.http = http;
    this.accessPoint = trim(properties.apiAccessPoint().toString());
    this.tokens = new AccessTokens(this::refresh, clock);
  }

  RestClient http() {
    return http;
  }

  /**
   * Calls the API with a token and the REST base ({@code .../api/rest/v6}); on 401, once more with
   * a new token.
   */
  <T> T call(BiFunction<String, String, T> call) {
    String token = tokens.get();
    try {
      return call.apply(token, restBase(token));
    } catch (RestClientResponseException e) {
      if (!VendorHttp.unauthorized(e)) {
        throw e;
      }
      log.info("Acrobat Sign refused the access token; refreshing it");
      tokens.invalidate(token);
      String renewed = tokens.get();
      return call.apply(renewed, restBase(renewed));
    }
  }

  private AccessTokens.Token refresh() {
    if (properties.refreshToken() == null || properties.clientSecret() == null) {
      throw new IllegalStateException(
          "Acrobat Sign needs CONTRACTFLOW_SIGNING_ADOBESIGN_CLIENTSECRET and"
              + " CONTRACTFLOW_SIGNING_ADOBESIGN_REFRESHTOKEN");
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "refresh_token");
    form.add("client_id", properties.clientId());
    form.add("client_secret", properties.clientSecret());
    form.add("refresh_token", properties.refreshToken());
    JsonNode token =
        http.post()
            .uri(accessPoint + "/oauth/v2/refresh")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .body(JsonNode.class);
    if (token == null || !token.hasNonNull("access_token")) {
      throw new IllegalStateException("Acrobat Sign's refresh response has no access_token");
    }
    if (token.hasNonNull("api_access_point")) {
      accessPoint = trim(token.get("api_access_point").asText());
    }
    return new AccessTokens.Token(
        token.get("access_token").asText(),
        Duration.ofSeconds(token.path("expires_in").asLong(3600)));
  }

  private String restBase(String token) {
    if (restBase == null) {
      JsonNode uris =
          http.get()
              .uri(accessPoint + "/api/rest/v6/baseUris")
              .header("Authorization", "Bearer " + token)
              .retrieve()
              .body(JsonNode.class);
      if (uris == null || !uris.hasNonNull("apiAccessPoint")) {
        throw new IllegalStateException("Acrobat Sign's baseUris has no apiAccessPoint");
      }
      restBase = trim(uris.get("apiAccessPoint").asText()) + "/api/rest/v6";
    }
    return restBase;
  }

  private static String trim(String url) {
    return url.replaceAll("/+$", "");
  }
}

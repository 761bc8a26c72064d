package io.contractflow.signature.vendor.rightsignature;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.signature.vendor.AccessTokens;
import io.contractflow.signature.vendor.VendorHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * RightSignature calls with the private token ({@code Basic}, the token base64-encoded) or with an
 * OAuth access token, renewed before expiry (RightSignature's live two hours) and once when
 * RightSignature answers 401.
 */
class RightSignatureSession {

  private final RightSignatureProperties properties;
  private final RestClient http;
  private final AccessTokens tokens;

  /** The newest refresh token: RightSignature may hand out a new one with each access token. */
  private volatile String refreshToken;

  RightSignatureSession(RightSignatureProperties properties, RestClient http, Clock clock) {
    this.properties = properties;
    this.http = http;
    this.tokens = new AccessTokens(this::refresh, clock);
    this.refreshToken = properties.refreshToken();
  }

  RestClient http() {
    return http;
  }

  /** {@code <baseUrl>/public/v1<path>}. */
  String api(String path) {
    return base() + "/public/v1" + path;
  }

  private String base() {
    return properties.baseUrl().toString().replaceAll("/+$", "");
  }

  /**
   * Calls with the {@code Authorization} header value; an OAuth token refused with 401 is renewed
   * once.
   */
  <T> T call(Function<String, T> call) {
    if (properties.usesPrivateToken()) {
      return call.apply(
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      properties.privateToken().strip().getBytes(StandardCharsets.UTF_8)));
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
    if (properties.clientId() == null
        || properties.clientSecret() == null
        || refreshToken == null) {
      throw new IllegalStateException(
          "RightSignature needs CONTRACTFLOW_SIGNING_RIGHTSIGNATURE_PRIVATETOKEN, or a"
              + " client id, client secret and refresh token");
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "refresh_token");
    form.add("refresh_token", refreshToken);
    form.add("client_id", properties.clientId());
    form.add("client_secret", properties.clientSecret());
    JsonNode token =
        http.post()
            .uri(base() + "/oauth/token")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            .body(form)
            .retrieve()
            .body(JsonNode.class);
    if (token == null || !token.hasNonNull("access_token")) {
      throw new IllegalStateException("RightSignature's token response has no access_token");
    }
    if (token.hasNonNull("refresh_token")) {
      refreshToken = token.get("refresh_token").asText();
    }
    return new AccessTokens.Token(
        token.get("access_token").asText(),
        Duration.ofSeconds(token.path("expires_in").asLong(7200)));
  }
}

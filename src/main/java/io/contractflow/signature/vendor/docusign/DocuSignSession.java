package io.contractflow.signature.vendor.docusign;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.signature.vendor.AccessTokens;
import io.contractflow.signature.vendor.VendorHttp;
import java.security.PrivateKey;
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
 * An authenticated DocuSign session: an access token from the JWT grant ({@code POST
 * /oauth/token}), renewed before it expires or when the API answers 401, and the account's REST
 * base found through {@code GET /oauth/userinfo} (the account's {@code base_uri} + {@code
 * /restapi/v2.1/accounts/{accountId}}).
 */
class DocuSignSession {

  private static final Logger log = LoggerFactory.getLogger(DocuSignSession.class);

  private final DocuSignProperties properties;
  private final RestClient http;
  private final AccessTokens tokens;
  private final Clock clock;
  private volatile PrivateKey key;
  private volatile String accountBase;

  DocuSignSession(DocuSignProperties properties, RestClient http, Clock clock) {
    this.properties = properties;
    this.http = http;
    this.clock = clock;
    this.tokens = new AccessTokens(this::grant, clock);
  }

  RestClient http() {
    return http;
  }

  /** Calls the API with a token and the account's base URL; on 401, once more with a new token. */
  <T> T call(BiFunction<String, String, T> call) {
    String token = tokens.get();
    try {
      return call.apply(token, accountBase(token));
    } catch (RestClientResponseException e) {
      if (!VendorHttp.unauthorized(e)) {
        throw e;
      }
      log.info("DocuSign refused the access token; requesting a new one");
      tokens.invalidate(token);
      String renewed = tokens.get();
      return call.apply(renewed, accountBase(renewed));
    }
  }

  private AccessTokens.Token grant() {
    if (key == null) {
      key = DocuSignJwt.privateKey(properties.privateKey());
    }
    String assertion =
        DocuSignJwt.assertion(
            properties.integrationKey(),
            properties.userId(),
            properties.authBaseUrl().getHost(),
            properties.scope(),
            key,
            clock.instant());
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
    form.add("assertion", assertion);
    JsonNode token =
        http.post()
            .uri(auth("/oauth/token"))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .body(JsonNode.class);
    if (token == null || !token.hasNonNull("access_token")) {
      throw new IllegalStateException("DocuSign's token response has no access_token");
    }
    return new AccessTokens.Token(
        token.get("access_token").asText(),
        Duration.ofSeconds(token.path("expires_in").asLong(3600)));
  }

  private String accountBase(String token) {
    if (accountBase == null) {
      JsonNode userinfo =
          http.get()
              .uri(auth("/oauth/userinfo"))
              .header("Authorization", "Bearer " + token)
              .retrieve()
              .body(JsonNode.class);
      if (userinfo == null) {
        throw new IllegalStateException("DocuSign's userinfo answered with no body");
      }
      JsonNode chosen = null;
      for (JsonNode account : userinfo.path("accounts")) {
        boolean wanted =
            properties.accountId() == null || properties.accountId().isBlank()
                ? account.path("is_default").asBoolean(false)
                : properties.accountId().equals(account.path("account_id").asText());
        if (wanted) {
          chosen = account;
          break;
        }
      }
      if (chosen == null) {
        throw new IllegalStateException(
            "DocuSign's userinfo lists no "
                + (properties.accountId() == null
                    ? "default account"
                    : "account " + properties.accountId())
                + " for user "
                + properties.userId());
      }
      accountBase =
          chosen.get("base_uri").asText().replaceAll("/+$", "")
              + "/restapi/v2.1/accounts/"
              + chosen.get("account_id").asText();
    }
    return accountBase;
  }

  private String auth(String path) {
    return properties.authBaseUrl().toString().replaceAll("/+$", "") + path;
  }
}

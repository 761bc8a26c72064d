package io.contractflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Ends the user's Keycloak session from the server when they log out of a Camunda webapp. The
 * webapps log out with an XHR call and then reload, so a redirect to Keycloak's logout page cannot
 * happen there; instead the platform posts the session's refresh token, with the webapp client's
 * credentials, to the realm's logout endpoint on the back channel (Keycloak ends the SSO session it
 * belongs to). Without this, the next page load would sign the user straight back in. A failure or
 * a timeout is logged and the local session still ends.
 */
final class KeycloakSessionTermination implements LogoutHandler {

  private static final Logger log = LoggerFactory.getLogger(KeycloakSessionTermination.class);

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final RequestMatcher appliesTo;
  private final OAuth2AuthorizedClientRepository authorizedClients;
  private final String endSession;
  private final RestClient http;

  KeycloakSessionTermination(
      RequestMatcher appliesTo,
      OAuth2AuthorizedClientRepository authorizedClients,
      String endSession) {
    this.appliesTo = appliesTo;
    this.authorizedClients = authorizedClients;
    this.endSession = endSession;
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(TIMEOUT);
    requests.setReadTimeout(TIMEOUT);
    this.http = RestClient.builder().requestFactory(requests).build();
  }

  @Override
  public void logout(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    if (!appliesTo.matches(request)
        || !(authentication instanceof OAuth2AuthenticationToken token)) {
      return;
    }
    OAuth2AuthorizedClient client =
        authorizedClients.loadAuthorizedClient(
            token.getAuthorizedClientRegistrationId(), authentication, request);
    if (client == null || client.getRefreshToken() == null) {
      return;
    }
    ClientRegistration registration = client.getClientRegistration();
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("client_id", registration.getClientId());
    form.add("client_secret", registration.getClientSecret());
    form.add("refresh_token", client.getRefreshToken().getTokenValue());
    try {
      http.post()
          .uri(endSession)
          .contentType(MediaType.APPLICATION_FORM_URLENCODED)
          .body(form)
          .retrieve()
          .toBodilessEntity();
    } catch (RestClientException e) {
      log.warn("Could not end the Keycloak session of '{}': {}", token.getName(), e.getMessage());
    }
  }
}

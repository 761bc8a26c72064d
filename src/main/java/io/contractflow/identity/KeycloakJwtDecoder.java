package io.contractflow.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Checks a bearer token the way the {@code keycloak} profile promises: signed (RS256) by a key from
 * the realm's JWKS ({@code alg: none} and HMAC are never accepted), issued by the configured
 * issuer, meant for the API's audience, carrying an expiry that has not passed (give or take the
 * clock skew) and a {@code preferred_username}.
 *
 * <p>The keys are fetched from the realm's back channel at the first token, not at start-up, with
 * timeouts, and fetched again until Keycloak answers. When it cannot be reached the token is
 * neither accepted nor called invalid: the failure surfaces as a plain {@link JwtException} (an
 * authentication service problem, answered 503), so the API fails closed without blaming the
 * caller.
 */
final class KeycloakJwtDecoder implements JwtDecoder {

  static final String USERNAME_CLAIM = "preferred_username";

  /** Each call to Keycloak's key endpoint gives up after this long (and the request gets a 503). */
  static final Duration KEYCLOAK_TIMEOUT = Duration.ofSeconds(5);

  private final JwtDecoder delegate;

  KeycloakJwtDecoder(KeycloakProperties properties) {
    String keys = properties.backChannelEndpoint("certs");
    OAuth2TokenValidator<Jwt> validator = validator(properties);
    this.delegate =
        new SupplierJwtDecoder(
            () -> {
              NimbusJwtDecoder decoder =
                  NimbusJwtDecoder.withJwkSetUri(keys)
                      .jwsAlgorithm(SignatureAlgorithm.RS256)
                      .restOperations(
                          new RestTemplateBuilder()
                              .connectTimeout(KEYCLOAK_TIMEOUT)
                              .readTimeout(KEYCLOAK_TIMEOUT)
                              .build())
                      .build();
              decoder.setJwtValidator(validator);
              return decoder;
            });
  }

  static OAuth2TokenValidator<Jwt> validator(KeycloakProperties properties) {
    String audience = properties.audience();
    return new DelegatingOAuth2TokenValidator<>(
        List.of(
            new JwtIssuerValidator(properties.issuer()),
            new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
            new JwtTimestampValidator(properties.clockSkew()),
            new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
            new JwtClaimValidator<String>(
                USERNAME_CLAIM, name -> name != null && !name.isBlank())));
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    try {
      return delegate.decode(token);
    } catch (JwtException e) {
      throw e;
    } catch (RuntimeException e) {
      // the issuer's discovery document or keys could not be fetched
      throw new JwtException("The identity provider cannot be reached", e);
    }
  }
}

package io.contractflow.identity;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
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
 * Checks a bearer token the way the {@code keycloak} profile promises: signed by a key from the issuer's JWKS (found
 * through its discovery document, so only the issuer is configured; {@code alg: none} and HMAC are never accepted),
 * issued by that issuer, meant for the API's audience, carrying an expiry that has not passed (give or take the
 * clock skew) and a {@code preferred_username}.
 *
 * <p>Keycloak is looked up at the first token, not at start-up, and looked up again until it answers. When it cannot
 * be reached the token is neither accepted nor called invalid: the failure surfaces as a plain {@link JwtException}
 * (an authentication service problem, answered 503), so the API fails closed without blaming the caller.
 */
final class KeycloakJwtDecoder implements JwtDecoder {

  static final String USERNAME_CLAIM = "preferred_username";

  private final JwtDecoder delegate;

  KeycloakJwtDecoder(KeycloakProperties properties) {
    String issuer = properties.issuer();
    OAuth2TokenValidator<Jwt> validator = validator(properties);
    this.delegate = new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
      decoder.setJwtValidator(validator);
      return decoder;
    });
  }

  static OAuth2TokenValidator<Jwt> validator(KeycloakProperties properties) {
    String audience = properties.audience();
    return new DelegatingOAuth2TokenValidator<>(List.of(
        new JwtIssuerValidator(properties.issuer()),
        new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
        new JwtTimestampValidator(properties.clockSkew()),
        new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
        new JwtClaimValidator<String>(USERNAME_CLAIM, name -> name != null && !name.isBlank())));
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

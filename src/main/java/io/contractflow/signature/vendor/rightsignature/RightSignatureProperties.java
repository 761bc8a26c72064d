package io.contractflow.signature.vendor.rightsignature;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * RightSignature API v1 ({@code <baseUrl>/public/v1}). Authentication with the API key's private
 * token ({@code Authorization: Basic <base64 of the token>}) or, without one, OAuth 2 (an access
 * token from the refresh token at {@code <baseUrl>/oauth/token}, renewed before expiry and on 401).
 * Secrets come from the environment only: {@code CONTRACTFLOW_SIGNING_RIGHTSIGNATURE_PRIVATETOKEN},
 * {@code ..._CLIENTSECRET}, {@code ..._REFRESHTOKEN}.
 *
 * @param enabled whether RightSignature is a provider here
 * @param baseUrl the API host; the REST calls go to {@code /public/v1/...}, the token endpoint is
 *     {@code /oauth/token}
 * @param privateToken the API key's private token (single-account integrations); when set, OAuth is
 *     not used
 * @param clientId the API key's client id (OAuth)
 * @param clientSecret the API key's client secret (OAuth)
 * @param refreshToken the account's refresh token (OAuth)
 */
@ConfigurationProperties("contractflow.signing.rightsignature")
public record RightSignatureProperties(
    boolean enabled,
    @DefaultValue("https://api.rightsignature.com") URI baseUrl,
    String privateToken,
    String clientId,
    String clientSecret,
    String refreshToken,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout) {

  boolean usesPrivateToken() {
    return privateToken != null && !privateToken.isBlank();
  }
}

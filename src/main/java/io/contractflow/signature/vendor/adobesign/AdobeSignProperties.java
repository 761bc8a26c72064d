package io.contractflow.signature.vendor.adobesign;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Adobe Acrobat Sign REST API v6 with an OAuth refresh token. Secrets ({@code clientSecret}, {@code
 * refreshToken}) come from the environment only: {@code
 * CONTRACTFLOW_SIGNING_ADOBESIGN_CLIENTSECRET}, {@code ..._REFRESHTOKEN}.
 *
 * @param enabled whether Adobe Acrobat Sign is a provider here
 * @param apiAccessPoint the {@code api_access_point} returned with the refresh token when the
 *     account authorised the app (e.g. {@code https://api.na1.adobesign.com/}); tokens are
 *     refreshed there and the REST base is read from its {@code /api/rest/v6/baseUris}
 * @param clientId the app's client id; also what Adobe sends in {@code X-AdobeSign-ClientId} to our
 *     webhook
 * @param clientSecret the app's client secret
 * @param refreshToken the account's refresh token
 */
@ConfigurationProperties("contractflow.signing.adobe-sign")
public record AdobeSignProperties(
    boolean enabled,
    @DefaultValue("https://api.na1.adobesign.com/") URI apiAccessPoint,
    String clientId,
    String clientSecret,
    String refreshToken,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout) {}

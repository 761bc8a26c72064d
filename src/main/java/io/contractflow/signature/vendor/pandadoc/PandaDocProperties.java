package io.contractflow.signature.vendor.pandadoc;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PandaDoc API v1. Authentication with an API key ({@code Authorization: API-Key ...}) or, without
 * one, OAuth 2 (an access token renewed with the refresh token at {@code /oauth2/access_token}).
 * Secrets come from the environment only: {@code CONTRACTFLOW_SIGNING_PANDADOC_APIKEY}, {@code
 * ..._CLIENTSECRET}, {@code ..._REFRESHTOKEN}, {@code ..._WEBHOOKSHAREDKEY}. A new document is sent
 * once PandaDoc has processed it, by the signing process's "Finish sending" step, which its job's
 * retries repeat until then (no thread waits).
 */
@ConfigurationProperties("contractflow.signing.pandadoc")
public record PandaDocProperties(
    boolean enabled,
    @DefaultValue("https://api.pandadoc.com") URI baseUrl,
    String apiKey,
    String clientId,
    String clientSecret,
    String refreshToken,
    String webhookSharedKey,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout) {}

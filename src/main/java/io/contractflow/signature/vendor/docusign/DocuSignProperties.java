package io.contractflow.signature.vendor.docusign;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DocuSign eSignature REST v2.1 with the JWT grant. Secrets ({@code privateKey}, {@code
 * connectHmacKeys}) come from the environment only: {@code
 * CONTRACTFLOW_SIGNING_DOCUSIGN_PRIVATEKEY}, {@code ..._CONNECTHMACKEYS}.
 *
 * @param enabled whether DocuSign is a provider here
 * @param authBaseUrl the OAuth server: {@code https://account-d.docusign.com} (developer) or {@code
 *     https://account.docusign.com} (production); the JWT's audience is its host
 * @param integrationKey the app's integration key (the JWT's {@code iss})
 * @param userId the impersonated user's id (the JWT's {@code sub}); they must have granted consent
 * @param privateKey the RSA private key of the integration key (PEM, PKCS#1 or PKCS#8)
 * @param accountId the account to send from; its base URI comes from {@code /oauth/userinfo}.
 *     Empty: the user's default account
 * @param connectHmacKeys the Connect HMAC keys, all accepted (so a key can be rotated)
 */
@ConfigurationProperties("contractflow.signing.docusign")
public record DocuSignProperties(
    boolean enabled,
    @DefaultValue("https://account-d.docusign.com") URI authBaseUrl,
    String integrationKey,
    String userId,
    String privateKey,
    String accountId,
    @DefaultValue("signature impersonation") String scope,
    List<String> connectHmacKeys,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout) {

  public List<String> connectHmacKeys() {
    return connectHmacKeys == null
        ? List.of()
        : connectHmacKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
  }
}

package io.contractflow.workflow.steps;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's settings for the "Call webhook" step ({@code contractflow.webhooks.*}).
 *
 * @param allowedHosts the only hosts a model's webhook may call (exact names, any case); empty, the
 *     default: every webhook is refused, at deployment and when it runs
 * @param secret the HMAC-SHA256 key the body is signed with; a webhook is refused while it is empty
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout how long to wait for the answer
 */
@ConfigurationProperties("contractflow.webhooks")
public record WebhookProperties(
    List<String> allowedHosts,
    @DefaultValue("") String secret,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout) {

  public WebhookProperties {
    allowedHosts =
        allowedHosts == null
            ? List.of()
            : allowedHosts.stream()
                .map(host -> host.trim().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty())
                .toList();
    secret = secret == null ? "" : secret;
  }

  boolean allows(String host) {
    return host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT));
  }
}

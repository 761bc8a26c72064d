package io.contractflow.payment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe ({@code contractflow.payments.stripe}): without an API key payments by Stripe are off.
 *
 * @param apiKey the secret API key (a reference to a secret in Helm and compose, never in a file)
 * @param webhookSecrets the endpoint's signing secrets ({@code whsec_...}); several while one is
 *     rolled over, any of them verifies
 * @param baseUrl Stripe's API base (tests point it at a stub)
 * @param tolerance how old a signed webhook timestamp may be
 * @param connectTimeout connecting to Stripe
 * @param readTimeout waiting for Stripe's answer
 * @param daysUntilDue the days an invoice gives the customer to pay when no due date applies
 * @param pollEvery how often open invoices are re-read when webhooks may not arrive
 */
@ConfigurationProperties("contractflow.payments.stripe")
public record StripeProperties(
    String apiKey,
    @DefaultValue List<String> webhookSecrets,
    @DefaultValue("https://api.stripe.com") String baseUrl,
    @DefaultValue("PT5M") Duration tolerance,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT30S") Duration readTimeout,
    @DefaultValue("30") int daysUntilDue,
    @DefaultValue("PT1H") Duration pollEvery) {

  public boolean enabled() {
    return apiKey != null && !apiKey.isBlank();
  }
}

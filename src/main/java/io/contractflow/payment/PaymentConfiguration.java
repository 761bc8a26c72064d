package io.contractflow.payment;

import com.stripe.StripeClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stripe's client, with the settings' key, base URL and timeouts (no retries of its own: the
 * engine's jobs retry, with an idempotency key on every create).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class PaymentConfiguration {

  @Bean
  StripeClient stripeClient(StripeProperties properties) {
    return StripeClient.builder()
        .setApiKey(properties.enabled() ? properties.apiKey() : "sk_not_configured")
        .setApiBase(properties.baseUrl())
        .setConnectTimeout((int) properties.connectTimeout().toMillis())
        .setReadTimeout((int) properties.readTimeout().toMillis())
        .setMaxNetworkRetries(0)
        .build();
  }
}

package io.contractflow.signature.vendor.rightsignature;

import io.contractflow.signature.SigningProperties;
import io.contractflow.signature.vendor.VendorHttp;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** RightSignature, when {@code contractflow.signing.rightsignature.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "contractflow.signing.rightsignature.enabled", havingValue = "true")
class RightSignatureConfiguration {

  @Bean
  CallbackTokens rightSignatureCallbackTokens(JdbcTemplate jdbc, Clock clock) {
    return new CallbackTokens(RightSignatureSignatureProvider.NAME, jdbc, clock);
  }

  @Bean
  RightSignatureSignatureProvider rightSignatureSignatureProvider(
      RightSignatureProperties properties,
      CallbackTokens rightSignatureCallbackTokens,
      SigningProperties signing,
      Clock clock) {
    return new RightSignatureSignatureProvider(
        new RightSignatureSession(
            properties,
            VendorHttp.client(properties.connectTimeout(), properties.readTimeout()),
            clock),
        rightSignatureCallbackTokens,
        signing.publicBaseUrl(),
        clock);
  }

  @Bean
  RightSignatureWebhook rightSignatureWebhook(
      CallbackTokens rightSignatureCallbackTokens, RightSignatureSignatureProvider provider) {
    return new RightSignatureWebhook(rightSignatureCallbackTokens, provider);
  }
}

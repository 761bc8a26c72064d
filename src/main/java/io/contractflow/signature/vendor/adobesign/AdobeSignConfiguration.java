package io.contractflow.signature.vendor.adobesign;

import io.contractflow.signature.vendor.VendorHttp;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adobe Acrobat Sign, when {@code contractflow.signing.adobe-sign.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "contractflow.signing.adobe-sign.enabled", havingValue = "true")
class AdobeSignConfiguration {

  @Bean
  AdobeSignSignatureProvider adobeSignSignatureProvider(
      AdobeSignProperties properties, Clock clock) {
    return new AdobeSignSignatureProvider(
        new AdobeSignSession(
            properties,
            VendorHttp.client(properties.connectTimeout(), properties.readTimeout()),
            clock));
  }

  @Bean
  AdobeSignWebhook adobeSignWebhook(
      AdobeSignProperties properties, AdobeSignSignatureProvider provider) {
    return new AdobeSignWebhook(properties, provider);
  }
}

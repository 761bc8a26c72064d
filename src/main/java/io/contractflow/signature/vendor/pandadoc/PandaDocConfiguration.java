package io.contractflow.signature.vendor.pandadoc;

import io.contractflow.signature.vendor.VendorHttp;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** PandaDoc, when {@code contractflow.signing.pandadoc.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "contractflow.signing.pandadoc.enabled", havingValue = "true")
class PandaDocConfiguration {

  @Bean
  PandaDocSignatureProvider pandaDocSignatureProvider(PandaDocProperties properties, Clock clock) {
    return new PandaDocSignatureProvider(
        new PandaDocSession(
            properties,
            VendorHttp.client(properties.connectTimeout(), properties.readTimeout()),
            clock));
  }

  @Bean
  PandaDocWebhook pandaDocWebhook(PandaDocProperties properties) {
    return new PandaDocWebhook(properties);
  }
}

package io.contractflow.signature.vendor.docusign;

import io.contractflow.signature.vendor.VendorHttp;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** DocuSign, when {@code contractflow.signing.docusign.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "contractflow.signing.docusign.enabled", havingValue = "true")
class DocuSignConfiguration {

  @Bean
  DocuSignSignatureProvider docuSignSignatureProvider(DocuSignProperties properties, Clock clock) {
    return new DocuSignSignatureProvider(
        new DocuSignSession(
            properties,
            VendorHttp.client(properties.connectTimeout(), properties.readTimeout()),
            clock),
        clock);
  }

  @Bean
  DocuSignConnectWebhook docuSignConnectWebhook(DocuSignProperties properties) {
    return new DocuSignConnectWebhook(properties);
  }
}

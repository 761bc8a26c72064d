package io.contractflow.document.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Which scanner the property selects, without the rest of the platform. */
class VirusScanConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(VirusScanProperties.class)
  static class Properties {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(Properties.class, VirusScanConfiguration.class);

  @Test
  void scanningIsOffByDefault() {
    context.run(
        ctx -> {
          assertThat(ctx).getBean(VirusScanner.class).isInstanceOf(NoVirusScanner.class);
          assertThat(ctx.getBean(VirusScanner.class).scan(ClamdServer.MARKER.getBytes()).clean())
              .isTrue();
        });
  }

  @Test
  void enabledScanningUsesClamd() {
    context
        .withPropertyValues(
            "contractflow.documents.virus-scan.enabled=true",
            "contractflow.documents.virus-scan.port=1")
        .run(
            ctx ->
                assertThat(ctx).getBean(VirusScanner.class).isInstanceOf(ClamdVirusScanner.class));
  }
}

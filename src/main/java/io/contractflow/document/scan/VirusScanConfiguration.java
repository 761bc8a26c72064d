package io.contractflow.document.scan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link VirusScanner}: clamd when scanning is enabled, otherwise a scanner that passes
 * everything.
 */
@Configuration(proxyBeanMethods = false)
class VirusScanConfiguration {

  private static final Logger log = LoggerFactory.getLogger(VirusScanConfiguration.class);

  /**
   * Start-up does not wait for clamd or check it: an unreachable clamd refuses uploads (fail
   * closed) but must not keep the rest of the platform down. Spring closes the ClamdVirusScanner
   * (its watchdog thread) on shutdown.
   */
  @Bean
  VirusScanner virusScanner(VirusScanProperties properties) {
    if (!properties.enabled()) {
      return new NoVirusScanner();
    }
    log.info(
        "Virus scanning through clamd at {}:{} (timeout {} ms)",
        properties.host(),
        properties.port(),
        properties.timeout().toMillis());
    return new ClamdVirusScanner(properties);
  }
}

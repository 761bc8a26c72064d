package io.contractflow.signature;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Polls the vendors every {@code contractflow.signing.polling.interval} (15 minutes by default).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "contractflow.signing.polling.enabled",
    havingValue = "true",
    matchIfMissing = true)
class VendorPollingSchedule {

  private final VendorStatusPoller poller;

  VendorPollingSchedule(VendorStatusPoller poller) {
    this.poller = poller;
  }

  @Scheduled(
      fixedDelayString = "${contractflow.signing.polling.interval:PT15M}",
      initialDelayString = "${contractflow.signing.polling.interval:PT15M}")
  void poll() {
    poller.pollOnce();
  }
}

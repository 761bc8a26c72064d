package io.contractflow.platform;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole platform, so that time can be controlled in tests. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** Ticks in microseconds, the precision PostgreSQL stores, so a timestamp reads back as it was written. */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}

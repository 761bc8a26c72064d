package io.contractflow.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole platform, so that time can be controlled in tests. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /**
   * Ticks in microseconds, the precision PostgreSQL stores, so a timestamp reads back as it was
   * written; ahead of the system clock by {@link ClockProperties#offset()} (the engine's clock
   * follows: {@code workflow.EngineClock}).
   */
  @Bean
  Clock clock(ClockProperties properties) {
    Clock ticking = new MicrosecondClock(Clock.systemUTC());
    return properties.offset().isZero() ? ticking : Clock.offset(ticking, properties.offset());
  }
}

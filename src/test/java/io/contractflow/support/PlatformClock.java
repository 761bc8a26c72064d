package io.contractflow.support;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.boot.convert.DurationStyle;

/**
 * The clock of the platforms a test starts in processes or contexts of its own, where it cannot ask
 * the platform: the system clock moved by {@code contractflow.clock.offset} (system property) or
 * {@code CONTRACTFLOW_CLOCK_OFFSET} (environment), read as the platform reads it. Tests inside the
 * shared context use the platform's clock bean.
 */
public final class PlatformClock {

  private PlatformClock() {}

  public static Duration offset() {
    String value =
        System.getProperty("contractflow.clock.offset", System.getenv("CONTRACTFLOW_CLOCK_OFFSET"));
    return value == null || value.isBlank()
        ? Duration.ZERO
        : DurationStyle.detectAndParse(value.strip());
  }

  public static Clock clock() {
    return Clock.offset(Clock.systemUTC(), offset());
  }

  public static LocalDate today() {
    return LocalDate.now(clock().withZone(ZoneOffset.UTC));
  }
}

package io.contractflow.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that ticks in whole microseconds, the precision PostgreSQL stores. Unlike {@code
 * Clock.tick(base, 1 µs)}, whose {@code millis()} divides by the tick in whole milliseconds (zero)
 * and throws, every method answers.
 */
final class MicrosecondClock extends Clock {

  private final Clock base;

  MicrosecondClock(Clock base) {
    this.base = base;
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MicrosecondClock(base.withZone(zone));
  }

  @Override
  public long millis() {
    return base.millis();
  }

  @Override
  public Instant instant() {
    Instant now = base.instant();
    return now.minusNanos(now.getNano() % 1_000);
  }
}

package io.contractflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MicrosecondClockTest {

  private final Clock base =
      Clock.fixed(Instant.parse("2027-03-01T10:15:30.123456789Z"), ZoneOffset.UTC);

  @Test
  void instantsAreWholeMicrosecondsAndMillisAnswer() {
    Clock clock = new MicrosecondClock(base);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2027-03-01T10:15:30.123456Z"));
    assertThat(clock.millis()).isEqualTo(base.millis());
    assertThat(clock.withZone(ZoneOffset.ofHours(2)).instant()).isEqualTo(clock.instant());
  }
}

package io.contractflow.signature.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-11-26T01:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovableClock clock = new MovableClock();
  private final AtomicInteger fetched = new AtomicInteger();
  private final AccessTokens tokens =
      new AccessTokens(
          () -> new AccessTokens.Token("token-" + fetched.incrementAndGet(), Duration.ofHours(1)),
          clock);

  @Test
  void aTokenIsKeptUntilAMinuteBeforeItExpiresThenRenewed() {
    assertThat(tokens.get()).isEqualTo("token-1");
    clock.advance(Duration.ofMinutes(58).plusSeconds(59));
    assertThat(tokens.get()).isEqualTo("token-1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.get()).as("59 minutes into an hour's token").isEqualTo("token-2");
    assertThat(fetched).hasValue(2);
  }

  @Test
  void aRefusedTokenIsRenewedButAnOlderRefusalDoesNotDropANewerToken() {
    String first = tokens.get();
    tokens.invalidate(first);
    String second = tokens.get();
    assertThat(second).isEqualTo("token-2");
    tokens.invalidate(first); // a slow call with the old token failing late
    assertThat(tokens.get()).isEqualTo("token-2");
    assertThat(fetched).hasValue(2);
  }

  @Test
  void aShortLivedTokenIsRenewedHalfwayThrough() {
    AccessTokens shortLived =
        new AccessTokens(
            () ->
                new AccessTokens.Token(
                    "short-" + fetched.incrementAndGet(), Duration.ofSeconds(60)),
            clock);
    assertThat(shortLived.get()).isEqualTo("short-1");
    clock.advance(Duration.ofSeconds(29));
    assertThat(shortLived.get()).isEqualTo("short-1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(shortLived.get()).isEqualTo("short-2");
  }
}

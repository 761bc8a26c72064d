package io.contractflow.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class CachedHealthCheckTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final MovableClock clock = new MovableClock();
  private final AtomicInteger calls = new AtomicInteger();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aResultIsReusedUntilItsTimeToLiveHasPassed() {
    CachedHealthCheck check =
        new CachedHealthCheck(
            () -> Health.up().withDetail("call", calls.incrementAndGet()).build(),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            clock,
            executor);

    Health first = check.health();
    assertThat(first.getStatus()).isEqualTo(Status.UP);
    assertThat(first.getDetails())
        .containsEntry("call", 1)
        .containsEntry("checkedAt", clock.instant().toString());
    clock.advance(Duration.ofSeconds(29));
    assertThat(check.health().getDetails()).containsEntry("call", 1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(check.health().getDetails()).containsEntry("call", 2);
    assertThat(calls).hasValue(2);
  }

  @Test
  void withoutATimeToLiveEveryCallChecks() {
    CachedHealthCheck check =
        new CachedHealthCheck(
            () -> Health.up().withDetail("call", calls.incrementAndGet()).build(),
            Duration.ZERO,
            Duration.ofSeconds(5),
            clock,
            executor);
    check.health();
    check.health();
    assertThat(calls).hasValue(2);
  }

  @Test
  void aCheckThatThrowsIsDownWithTheError() {
    CachedHealthCheck check =
        new CachedHealthCheck(
            () -> {
              throw new IllegalStateException("connection refused");
            },
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            clock,
            executor);
    Health health = check.health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("error").toString()).contains("connection refused");
  }

  @Test
  void aCheckThatDoesNotAnswerInTimeIsDown() throws InterruptedException {
    CountDownLatch never = new CountDownLatch(1);
    CachedHealthCheck check =
        new CachedHealthCheck(
            () -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Health.up().build();
            },
            Duration.ofSeconds(30),
            Duration.ofMillis(200),
            clock,
            executor);
    Health health = check.health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("error").toString()).contains("timed out");
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
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
}

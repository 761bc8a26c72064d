package io.contractflow.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * A health check of one dependency that runs at most once per time to live and never longer than
 * its timeout: a check that throws is DOWN with the error, one that does not answer in time is DOWN
 * with "timed out". The result carries the time it was checked ({@code checkedAt}). Callers in the
 * meantime get the cached result; concurrent callers of an expired result wait for one check, not
 * one each.
 */
public final class CachedHealthCheck implements HealthIndicator {

  private final Supplier<Health> check;
  private final Duration ttl;
  private final Duration timeout;
  private final Clock clock;
  private final Executor executor;

  private Health last;
  private Instant checkedAt;

  CachedHealthCheck(
      Supplier<Health> check, Duration ttl, Duration timeout, Clock clock, Executor executor) {
    this.check = check;
    this.ttl = ttl;
    this.timeout = timeout;
    this.clock = clock;
    this.executor = executor;
  }

  @Override
  public synchronized Health health() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(checkedAt.plus(ttl))) {
      Health result = run();
      last =
          Health.status(result.getStatus())
              .withDetails(result.getDetails())
              .withDetail("checkedAt", now.toString())
              .build();
      checkedAt = now;
    }
    return last;
  }

  private Health run() {
    CompletableFuture<Health> running;
    try {
      running = CompletableFuture.supplyAsync(check, executor);
    } catch (RejectedExecutionException e) { // shutting down
      return Health.down().withDetail("error", "shutting down").build();
    }
    try {
      return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      running.cancel(true);
      return Health.down().withDetail("error", "timed out after " + timeout).build();
    } catch (ExecutionException e) {
      return Health.down(e.getCause() instanceof Exception cause ? cause : e).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down(e).build();
    }
  }
}

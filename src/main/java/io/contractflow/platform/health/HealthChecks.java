package io.contractflow.platform.health;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Makes the platform's health checks of its dependencies ({@link CachedHealthCheck}): cached and
 * bounded by the settings of {@link HealthCheckProperties}, run on daemon threads of their own so
 * that a hanging dependency never holds a request thread.
 */
@Component
public class HealthChecks implements DisposableBean {

  private final HealthCheckProperties properties;
  private final Clock clock;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "health-check");
            thread.setDaemon(true);
            return thread;
          });

  public HealthChecks(HealthCheckProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** A check of one dependency: UP or DOWN with details, or an exception (DOWN with the error). */
  public CachedHealthCheck cached(Supplier<Health> check) {
    return new CachedHealthCheck(
        check, properties.cacheTtl(), properties.timeout(), clock, executor);
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}

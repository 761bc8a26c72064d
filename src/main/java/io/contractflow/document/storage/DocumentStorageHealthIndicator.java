package io.contractflow.document.storage;

import io.contractflow.platform.health.CachedHealthCheck;
import io.contractflow.platform.health.HealthChecks;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code documentStorage}: the document store answers (the S3 bucket, or the
 * directory exists and is writable). In the readiness group: a pod that cannot read or store
 * documents takes no traffic.
 */
@Component
class DocumentStorageHealthIndicator implements HealthIndicator {

  private final CachedHealthCheck check;

  DocumentStorageHealthIndicator(DocumentStore store, HealthChecks checks) {
    this.check =
        checks.cached(
            () -> {
              store.checkAvailable();
              return Health.up().withDetail("store", store.describe()).build();
            });
  }

  @Override
  public Health health() {
    return check.health();
  }
}

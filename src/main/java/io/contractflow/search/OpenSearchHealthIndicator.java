package io.contractflow.search;

import io.contractflow.platform.health.CachedHealthCheck;
import io.contractflow.platform.health.HealthChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch.cluster.HealthResponse;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code openSearch}: the cluster's health with the search alias (green or yellow:
 * UP; red or no answer: DOWN). Not in the readiness group: while OpenSearch is down, search answers
 * 503 and index changes wait in the outbox, but everything else works, so the pods stay in service
 * (docs/operations.md, "Health and metrics").
 */
@Component
class OpenSearchHealthIndicator implements HealthIndicator {

  private final CachedHealthCheck check;

  OpenSearchHealthIndicator(
      OpenSearchClient client, SearchProperties properties, HealthChecks checks) {
    this.check = checks.cached(() -> check(client, properties));
  }

  @Override
  public Health health() {
    return check.health();
  }

  static Health check(OpenSearchClient client, SearchProperties properties) {
    HealthResponse cluster;
    try {
      cluster = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean alias;
    try {
      alias = client.indices().existsAlias(a -> a.name(properties.index())).value();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Health.Builder health = cluster.status() == HealthStatus.Red ? Health.down() : Health.up();
    return health
        .withDetail("cluster", cluster.clusterName())
        .withDetail("status", cluster.status().jsonValue())
        .withDetail("nodes", cluster.numberOfNodes())
        .withDetail("alias", properties.index())
        .withDetail("aliasExists", alias)
        .build();
  }
}

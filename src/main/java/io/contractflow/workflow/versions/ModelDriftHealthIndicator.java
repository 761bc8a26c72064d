package io.contractflow.workflow.versions;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code processModels}: UP (drift is a fact to know, not an outage; UNKNOWN when
 * the engine's tables cannot be read), with the models whose latest version did not come from the
 * release, or replaced one that did not, in its details (shown to contract admins).
 */
@Component("processModels")
class ModelDriftHealthIndicator implements HealthIndicator {

  private final ModelDriftCheck drift;

  ModelDriftHealthIndicator(ModelDriftCheck drift) {
    this.drift = drift;
  }

  @Override
  public Health health() {
    List<ModelDrift> drifting;
    try {
      drifting = drift.recent().stream().filter(ModelDrift::drifts).toList();
    } catch (RuntimeException e) {
      // the database's own component reports the outage; this one does not add a second DOWN
      return Health.unknown().withException(e).build();
    }
    Health.Builder health = Health.up().withDetail("drift", !drifting.isEmpty());
    drifting.forEach(
        d ->
            health.withDetail(
                d.kind() + ":" + d.key(),
                Map.of("status", d.status().name(), "explanation", d.explanation())));
    return health.build();
  }
}

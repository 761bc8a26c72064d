package io.contractflow.platform.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform's own health checks of its dependencies run.
 *
 * @param cacheTtl how long a check's result is reused, so that probes and dashboards polling the
 *     health endpoint do not hammer a dependency (an e-signature vendor, the mail server); {@code
 *     0s}: every call checks
 * @param timeout the longest one check may take; a check still running then reports DOWN
 */
@ConfigurationProperties("contractflow.health")
public record HealthCheckProperties(
    @DefaultValue("30s") Duration cacheTtl, @DefaultValue("3s") Duration timeout) {}

package io.contractflow.platform.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's business metrics.
 *
 * @param refreshInterval how long values read from the database (contracts by status, overdue
 *     tasks, incidents, outbox backlogs) are reused before the next scrape reads them again; {@code
 *     0s}: every scrape reads
 */
@ConfigurationProperties("contractflow.metrics")
public record MetricsProperties(@DefaultValue("15s") Duration refreshInterval) {}

package io.contractflow.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's worker.
 *
 * @param pollInterval how often the worker looks for due entries when it has not been woken (an
 *     entry written on this node wakes it as soon as its transaction commits; entries of other
 *     nodes and retries wait for the poll)
 * @param batchesPerRound at most this many batches of one topic before the worker turns to the next
 *     topic
 */
@ConfigurationProperties("contractflow.outbox")
public record OutboxProperties(
    @DefaultValue("500ms") Duration pollInterval, @DefaultValue("50") int batchesPerRound) {}

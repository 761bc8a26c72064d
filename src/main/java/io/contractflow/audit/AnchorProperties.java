package io.contractflow.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how often the audit trail is anchored ({@code contractflow.audit.anchors.*}).
 *
 * @param enabled whether checkpoints are taken on a schedule
 * @param directory where anchor files are written: outside the database, ideally on storage the
 *     database's users cannot change (another machine's share, a WORM volume, a bucket with object
 *     lock synchronised from it)
 * @param interval how often a checkpoint is taken (none when no entry was added since the last)
 */
@ConfigurationProperties("contractflow.audit.anchors")
record AnchorProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("./data/audit-anchors") Path directory,
    @DefaultValue("PT1H") Duration interval) {}

package io.contractflow.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default database: real PostgreSQL binaries run in-process when no {@code
 * spring.datasource.url} is configured.
 *
 * @param dataDir where the cluster keeps its files; kept across restarts
 * @param port TCP port on 127.0.0.1, 0 for any free port
 * @param database database created inside the cluster for ContractFlow
 * @param cleanOnStart wipe the data directory on start (tests only)
 */
@ConfigurationProperties("contractflow.embedded-postgres")
public record EmbeddedPostgresProperties(
    @DefaultValue("./data/postgres") Path dataDir,
    @DefaultValue("0") int port,
    @DefaultValue("contractflow") String database,
    @DefaultValue("false") boolean cleanOnStart) {}

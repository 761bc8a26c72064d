package io.contractflow.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL in-process when no external database is configured: the embedded default that
 * needs no configuration. Data lives under {@code contractflow.embedded-postgres.data-dir} and
 * outlives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
    Path dataDir = properties.dataDir().toAbsolutePath().normalize();
    Files.createDirectories(dataDir);
    log.info("Starting embedded PostgreSQL with data in {}", dataDir);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(properties.cleanOnStart())
            // Spring stops PostgreSQL after the engine and the pool are closed; its own hook would
            // race them
            .setRegisterShutdownHook(false)
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .setServerConfig("max_connections", "100")
            .setServerConfig("listen_addresses", "127.0.0.1");
    if (properties.port() > 0) {
      builder.setPort(properties.port());
    }
    EmbeddedPostgres postgres = builder.start();
    log.info("Embedded PostgreSQL is listening on 127.0.0.1:{}", postgres.getPort());
    return postgres;
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties)
      throws SQLException {
    createDatabaseIfMissing(postgres.getPostgresDatabase(), properties.database());
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setDriverClassName("org.postgresql.Driver");
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
    dataSource.setUsername("postgres");
    dataSource.setPassword(null);
    return dataSource;
  }

  private static void createDatabaseIfMissing(DataSource admin, String database)
      throws SQLException {
    if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "contractflow.embedded-postgres.database must be a plain identifier");
    }
    try (Connection connection = admin.getConnection();
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("create database " + database);
      }
    }
  }
}

package io.contractflow.workflow.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server of one benchmark run and the fresh databases on it: the platform's and the
 * bare engine's, side by side on the same server. The server is the one {@code
 * SPRING_DATASOURCE_URL} names (as {@code .ci/run} sets it), else an embedded PostgreSQL in the
 * run's temp directory, configured like the platform's embedded default.
 */
final class BenchmarkDatabases implements AutoCloseable {

  /** How to reach one database. */
  record Database(String name, String url, String username, String password) {}

  private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

  private final EmbeddedPostgres embedded;
  private final String adminUrl;
  private final String username;
  private final String password;
  private final String prefix;
  private final boolean keep;
  private final List<String> created = new ArrayList<>();

  private BenchmarkDatabases(
      EmbeddedPostgres embedded, String adminUrl, String username, String password, boolean keep) {
    this.embedded = embedded;
    this.adminUrl = adminUrl;
    this.username = username;
    this.password = password;
    this.keep = keep;
    this.prefix =
        "cf_bench_"
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
            + "_";
  }

  /**
   * The server from the environment if one is configured, else a new embedded one under {@code
   * workDir}.
   */
  static BenchmarkDatabases start(Path workDir, boolean keep) throws IOException {
    String url = System.getenv("SPRING_DATASOURCE_URL");
    if (url != null && !url.isBlank()) {
      if (!URL.matcher(url).matches()) {
        throw new IllegalArgumentException(
            "SPRING_DATASOURCE_URL must look like jdbc:postgresql://host:port/db: " + url);
      }
      String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
      return new BenchmarkDatabases(
          null, url, user, System.getenv("SPRING_DATASOURCE_PASSWORD"), keep);
    }
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(workDir.resolve("postgres"))
            .setCleanDataDirectory(true)
            // as the platform's embedded default (EmbeddedPostgresConfiguration) runs it
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .setServerConfig("max_connections", "100")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start();
    return new BenchmarkDatabases(
        postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, keep);
  }

  /** A new, empty database for one side of the run, named {@code cf_bench_<time>_<purpose>}. */
  Database create(String purpose) throws SQLException {
    String name = prefix + purpose;
    try (Connection connection = admin();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    }
    created.add(name);
    Matcher url = URL.matcher(adminUrl);
    if (!url.matches()) {
      throw new IllegalStateException("Unexpected JDBC URL " + adminUrl);
    }
    return new Database(
        name, url.group(1) + name + (url.group(3) == null ? "" : url.group(3)), username, password);
  }

  /** Which server this is, for the report. */
  String describe() throws SQLException {
    String version;
    try (Connection connection = admin();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("show server_version")) {
      rs.next();
      version = rs.getString(1);
    }
    return (embedded == null
        ? "PostgreSQL " + version + " at " + URL.matcher(adminUrl).replaceAll("$1")
        : "embedded PostgreSQL " + version + " (127.0.0.1:" + embedded.getPort() + ")");
  }

  private Connection admin() throws SQLException {
    return DriverManager.getConnection(adminUrl, username, password);
  }

  /** Drops the run's databases on an external server (unless kept) and stops an embedded one. */
  @Override
  public void close() throws IOException, SQLException {
    if (embedded != null) {
      embedded.close();
      return;
    }
    if (!keep) {
      try (Connection connection = admin();
          Statement statement = connection.createStatement()) {
        for (String name : created) {
          statement.execute("drop database if exists " + name + " with (force)");
        }
      }
    }
  }
}

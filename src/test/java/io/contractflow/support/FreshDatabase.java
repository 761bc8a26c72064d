package io.contractflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new, empty database for a test that starts platforms of its own: on the PostgreSQL server that
 * {@code SPRING_DATASOURCE_URL} names (as {@code .ci/run} sets it), dropped afterwards; else on an
 * embedded PostgreSQL started under {@code workDir}. Further databases on the same server ({@link
 * #sibling}) are for restores.
 */
public final class FreshDatabase implements AutoCloseable {

  private static final Pattern URL =
      Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]*)(\\?.*)?$");

  private final EmbeddedPostgres embedded;
  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final String name;

  private FreshDatabase(
      EmbeddedPostgres embedded,
      String host,
      int port,
      String username,
      String password,
      String name) {
    this.embedded = embedded;
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
    this.name = name;
  }

  public static FreshDatabase create(String purpose, Path workDir)
      throws IOException, SQLException {
    String name =
        "cf_"
            + purpose
            + "_"
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
            + "_"
            + ProcessHandle.current().pid();
    String url = System.getenv("SPRING_DATASOURCE_URL");
    FreshDatabase database;
    if (url != null && !url.isBlank()) {
      Matcher m = URL.matcher(url);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "SPRING_DATASOURCE_URL must look like jdbc:postgresql://host:port/db: " + url);
      }
      String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
      String pass = System.getenv("SPRING_DATASOURCE_PASSWORD");
      database =
          new FreshDatabase(
              null,
              m.group(1),
              m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)),
              user,
              pass == null ? "" : pass,
              name);
    } else {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(workDir.resolve("postgres"))
              .setCleanDataDirectory(true)
              .setServerConfig("max_connections", "200")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .start();
      database = new FreshDatabase(postgres, "127.0.0.1", postgres.getPort(), "postgres", "", name);
    }
    database.admin("create database " + name);
    return database;
  }

  /** Another database on the same server (created empty now), dropped with this one. */
  public FreshDatabase sibling(String suffix) throws SQLException {
    FreshDatabase other =
        new FreshDatabase(null, host, port, username, password, name + "_" + suffix);
    admin("create database " + other.name);
    return other;
  }

  public String name() {
    return name;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), username, password);
  }

  /** Creates this database again, empty, after {@link #drop()} (a restore's target). */
  public FreshDatabase recreate() throws SQLException {
    admin("create database " + name);
    return this;
  }

  /** Drops this database (every connection to it is ended first). */
  public void drop() throws SQLException {
    admin("drop database if exists " + name + " with (force)");
  }

  private void admin(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/postgres", username, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws IOException, SQLException {
    if (embedded != null) {
      embedded.close();
    } else {
      drop();
    }
  }
}

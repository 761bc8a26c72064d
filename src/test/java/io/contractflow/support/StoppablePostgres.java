package io.contractflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL cluster of the machine's own binaries ({@code initdb}, {@code pg_ctl}
 * under {@code /usr/lib/postgresql/<version>/bin} or {@code PG_BIN}) on a free port, that a test
 * can stop and start again while a platform uses it: a real database outage. Run as {@code
 * postgres} when the test runs as root (PostgreSQL refuses root).
 */
public final class StoppablePostgres implements AutoCloseable {

  private final Path bin;
  private final Path dataDir;
  private final int port;
  private final boolean asPostgresUser;

  private StoppablePostgres(Path bin, Path dataDir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dataDir = dataDir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** The binaries' directory, or null when the machine has none. */
  public static Path binaries() {
    String configured = System.getenv("PG_BIN");
    if (configured != null && Files.isExecutable(Path.of(configured, "pg_ctl"))) {
      return Path.of(configured);
    }
    for (String version : List.of("17", "16", "15", "14")) {
      Path candidate = Path.of("/usr/lib/postgresql", version, "bin");
      if (Files.isExecutable(candidate.resolve("pg_ctl"))) {
        return candidate;
      }
    }
    return null;
  }

  /** A new cluster under {@code workDir}, started. */
  public static StoppablePostgres start(Path workDir) throws IOException {
    Path bin = binaries();
    if (bin == null) {
      throw new IllegalStateException("No PostgreSQL binaries (initdb, pg_ctl) on this machine");
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dataDir = workDir.resolve("pgdata").toAbsolutePath();
    Files.createDirectories(dataDir);
    StoppablePostgres postgres = new StoppablePostgres(bin, dataDir, freePort(), root);
    if (root) {
      postgres.run(
          List.of("chown", "-R", "postgres:postgres", workDir.toAbsolutePath().toString()));
      postgres.run(List.of("chmod", "o+rx", workDir.toAbsolutePath().toString()));
    }
    postgres.runAsOwner(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            dataDir.toString(),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync"));
    postgres.startAgain();
    return postgres;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public int port() {
    return port;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "");
  }

  /** Starts the cluster and waits until it takes connections. */
  public void startAgain() {
    runAsOwner(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dataDir.toString(),
            "-l",
            dataDir.resolveSibling("postgres.log").toString(),
            "-o",
            "-p "
                + port
                + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
                + dataDir
                + " -c fsync=off -c max_connections=60",
            "-w",
            "-t",
            "60",
            "start"));
  }

  /**
   * Stops it as an operator or a crash of the server would: {@code fast} ends every session at once
   * (the platform's open connections break) and refuses new ones.
   */
  public void stop() {
    runAsOwner(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dataDir.toString(),
            "-m",
            "fast",
            "-w",
            "-t",
            "60",
            "stop"));
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (RuntimeException e) {
      // already stopped
    }
  }

  private void runAsOwner(List<String> command) {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    run(full);
  }

  private void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

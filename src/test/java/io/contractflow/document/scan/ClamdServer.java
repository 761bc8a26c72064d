package io.contractflow.document.scan;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real clamd for tests, in a temporary directory of its own, with a single custom signature
 * instead of ClamAV's database (which cannot be downloaded here, and would take many seconds and
 * over a gigabyte of memory to load): any content that contains {@link #MARKER} is reported as
 * infected with {@link #SIGNATURE}{@code .UNOFFICIAL}.
 *
 * <p>Tests are skipped (JUnit assumption) where clamd is not installed. Use {@link #start()} per
 * test class and {@link #close()} it, or {@link #startShared()} for one instance per JVM (e.g. for
 * Spring integration tests: point {@code contractflow.documents.virus-scan.host/port} at {@link
 * #host()} and {@link #port()}).
 */
public final class ClamdServer implements AutoCloseable {

  public static final Path CLAMD = Path.of("/usr/sbin/clamd");

  /** Content containing this string is infected, for the test signature. */
  public static final String MARKER = "CONTRACTFLOW-TEST-MALWARE-7f3c9a";

  /** Name of the test signature; clamd reports it with the suffix {@code .UNOFFICIAL}. */
  public static final String SIGNATURE = "ContractFlow.Test.Malware";

  /** clamd refuses streams longer than this (its {@code StreamMaxLength}). */
  public static final int STREAM_MAX_BYTES = 30 * 1024 * 1024;

  private static final String HOST = "127.0.0.1";
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
  private static final int PORT_ATTEMPTS = 3;
  private static ClamdServer shared;

  private final Path directory;
  private final int port;
  private final Process process;
  private final Duration startupTime;

  private ClamdServer(Path directory, int port, Process process, Duration startupTime) {
    this.directory = directory;
    this.port = port;
    this.process = process;
    this.startupTime = startupTime;
  }

  /**
   * Starts a clamd of its own; the caller closes it. Skips the calling test where clamd is not
   * installed.
   */
  public static ClamdServer start() {
    assumeTrue(Files.isExecutable(CLAMD), "clamd not installed: apt-get install clamav-daemon");
    try {
      Path directory = Files.createTempDirectory("clamd-test-");
      writeSignatures(Files.createDirectory(directory.resolve("db")));
      Files.createDirectory(directory.resolve("tmp"));
      // The free port is only probed, so another process may take it before clamd binds; then clamd
      // exits and we
      // try another one.
      for (int attempt = 1; ; attempt++) {
        try {
          return launch(directory, freePort());
        } catch (IllegalStateException e) {
          if (attempt == PORT_ATTEMPTS) {
            deleteRecursively(directory);
            throw e;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One clamd for the whole JVM, started on first use and stopped when the JVM exits. */
  public static synchronized ClamdServer startShared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "clamd-test-shutdown"));
    }
    return shared;
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return port;
  }

  /** From process start until clamd first answered PING. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Scanner settings pointing at this clamd. */
  public VirusScanProperties properties(Duration timeout, int chunkSize) {
    return new VirusScanProperties(true, HOST, port, timeout, chunkSize);
  }

  /** Stops clamd (SIGTERM, then SIGKILL if needed) and removes its directory. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteRecursively(directory);
  }

  private static ClamdServer launch(Path directory, int port) throws IOException {
    Path config = directory.resolve("clamd.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "Foreground yes", // so that we own the process and can stop it
            "TCPAddr " + HOST,
            "TCPSocket " + port,
            "DatabaseDirectory " + directory.resolve("db"),
            "TemporaryDirectory " + directory.resolve("tmp"),
            "LogFile " + directory.resolve("clamd.log"),
            "LogTime yes",
            "PidFile " + directory.resolve("clamd.pid"),
            "StreamMaxLength " + STREAM_MAX_BYTES / (1024 * 1024) + "M",
            // No "User": clamd then keeps the current user (root included), which owns this
            // directory anyway.
            // No LocalSocket: TCP only, as the application talks to clamd.
            ""));
    Path output = directory.resolve("clamd.out");
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(CLAMD.toString(), "--config-file=" + config)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                output.toFile()) // a file, not a pipe: an unread pipe would fill up and stall clamd
            .start();
    ClamdVirusScanner probe =
        new ClamdVirusScanner(
            new VirusScanProperties(true, HOST, port, Duration.ofMillis(500), 65536));
    try {
      long deadline = started + STARTUP_LIMIT.toNanos();
      while (!probe.ping()) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException(
              "clamd did not start on port "
                  + port
                  + " (exit "
                  + (process.isAlive() ? "none" : process.exitValue())
                  + "); its output:\n"
                  + readQuietly(output));
        }
        sleep(Duration.ofMillis(20));
      }
    } finally {
      probe.close();
    }
    return new ClamdServer(directory, port, process, Duration.ofNanos(System.nanoTime() - started));
  }

  /** A body signature (.ndb: name, target type 0 = any file, offset * = anywhere, hex bytes). */
  private static void writeSignatures(Path db) throws IOException {
    String hex = HexFormat.of().formatHex(MARKER.getBytes(StandardCharsets.US_ASCII));
    Files.writeString(db.resolve("contractflow-test.ndb"), SIGNATURE + ":0:*:" + hex + "\n");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for clamd", e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }
}

package io.contractflow.support;

import io.contractflow.ContractFlowApplication;
import io.contractflow.search.EmbeddedOpenSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform as a process of its own, as an operator runs a node ({@code java -jar}): the
 * application's main class on this test's class path, in a new JVM, with its console written to
 * {@code <workDir>/<name>.log}. Stopping it is either graceful (SIGTERM, Spring's graceful
 * shutdown) or a crash (SIGKILL: nothing is cleaned up, the jobs it had taken stay locked in the
 * database).
 */
public final class PlatformNode implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private PlatformNode(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * Launches a node (without waiting for it to be ready) with {@code settings} as command-line
   * properties.
   */
  public static PlatformNode launch(String name, Path workDir, List<String> settings) {
    try {
      Files.createDirectories(workDir);
      int port = freePort();
      Path log = workDir.resolve(name + ".log").toAbsolutePath();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx768m");
      command.add("-XX:+UseSerialGC");
      command.add("-Dlog4j2.loggerContextFactory=" + EmbeddedOpenSearch.LOG4J_CONTEXT_FACTORY);
      command.add("-cp");
      command.add(absoluteClassPath());
      command.add(ContractFlowApplication.class.getName());
      command.add("--server.port=" + port);
      command.add("--contractflow.cluster.node-name=" + name);
      command.add("--logging.file.name=");
      command.add("--spring.main.banner-mode=off");
      command.addAll(settings);
      Process process =
          new ProcessBuilder(command)
              // whatever the node writes to ./data by default stays in its own directory
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new PlatformNode(name, port, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An OpenSearch node for the nodes to share, in this JVM, on a fresh directory. Other builds on
   * the machine may take the port it picked before it binds it: then it tries the next free one.
   */
  public static EmbeddedOpenSearch openSearch(Path dataDir) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        return EmbeddedOpenSearch.start(dataDir.resolve("attempt-" + attempt), true, 9299);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * Waits until the node's readiness probe answers UP; fails with the end of its log if it dies or
   * takes too long.
   */
  public PlatformNode awaitReady(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "Node " + name + " exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted", e);
      }
      sleep(500);
    }
    throw new AssertionError(
        "Node " + name + " was not ready within " + patience + ":\n" + logTail());
  }

  public String name() {
    return name;
  }

  public Api api() {
    return new Api(port);
  }

  /** The node's operating-system process id. */
  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Kills the JVM at once (SIGKILL), as a crash or an evicted pod would end it. */
  public void crash() {
    process.destroyForcibly();
    waitFor();
  }

  /**
   * Stops the node as an orchestrator would (SIGTERM): requests in flight finish, the engine shuts
   * down.
   */
  public void stop() {
    process.destroy();
    waitFor();
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  private static String absoluteClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      entries.add(Path.of(entry).toAbsolutePath().toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }
}

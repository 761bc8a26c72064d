package io.contractflow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenSearch node inside this JVM (the embedded default and the tests): one single-node cluster
 * on 127.0.0.1, its data under a directory of its own. It can be stopped and started again on the
 * same port and data (the tests use that to take search away and bring it back).
 */
public final class EmbeddedOpenSearch implements AutoCloseable {

  /**
   * OpenSearch configures log4j-core itself; Spring Boot routes log4j to SLF4J unless told
   * otherwise.
   */
  public static final String LOG4J_CONTEXT_FACTORY =
      "org.apache.logging.log4j.core.impl.Log4jContextFactory";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedOpenSearch.class);

  /**
   * The modules the node loads: what the contract index and the platform's requests use (the
   * analysis filters asciifolding and stemmer, the scaled_float field, HTTP). The runner's default
   * adds a dozen more (Painless, expressions, Mustache, ingest with its Grok and user-agent
   * patterns, percolator, reindex, ...) that nothing here calls and that would cost thousands of
   * classes and their heap.
   */
  static final String MODULES =
      String.join(
          ",",
          "org.opensearch.analysis.common.CommonAnalysisPlugin",
          "org.opensearch.index.mapper.MapperExtrasPlugin",
          "org.opensearch.transport.Netty4Plugin");

  private static EmbeddedOpenSearch shared;

  private final Path home;
  private final int maxHttpPort;
  private OpenSearchRunner runner;
  private volatile int httpPort;

  private EmbeddedOpenSearch(Path home, int maxHttpPort) {
    this.home = home;
    this.maxHttpPort = maxHttpPort;
  }

  /** A node of its own, started now. */
  public static EmbeddedOpenSearch start(Path home, boolean clean, int maxHttpPort) {
    EmbeddedOpenSearch node =
        new EmbeddedOpenSearch(home.toAbsolutePath().normalize(), maxHttpPort);
    if (clean) {
      deleteRecursively(node.home);
    }
    node.startNode();
    return node;
  }

  /**
   * A node of its own whose HTTP port is chosen now (so that clients can be built with its
   * address), not started yet: {@link #startInBackground()} starts it.
   */
  public static EmbeddedOpenSearch onFreePort(Path home, boolean clean, int maxHttpPort) {
    EmbeddedOpenSearch node =
        new EmbeddedOpenSearch(home.toAbsolutePath().normalize(), maxHttpPort);
    if (clean) {
      deleteRecursively(node.home);
    }
    node.httpPort = freeLoopbackPort();
    return node;
  }

  /**
   * Starts the node on a thread of its own; the caller does not wait for it (search answers 503 and
   * index updates wait in the outbox until it is up).
   */
  public void startInBackground() {
    Thread starter =
        new Thread(
            () -> {
              try {
                startNode();
              } catch (RuntimeException e) {
                log.error("The in-process OpenSearch node did not start; search is unavailable", e);
              }
            },
            "embedded-opensearch-start");
    starter.setDaemon(true);
    starter.start();
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One node per JVM, started at the first call and stopped when the JVM exits. */
  public static synchronized EmbeddedOpenSearch shared(Path home, boolean clean, int maxHttpPort) {
    if (shared == null) {
      EmbeddedOpenSearch node = start(home, clean, maxHttpPort);
      Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "embedded-opensearch-stop"));
      shared = node;
    }
    return shared;
  }

  public String httpUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  public synchronized boolean running() {
    return runner != null && !runner.isClosed();
  }

  /** Starts the node (again): the same data, and after the first start the same port. */
  public synchronized void startNode() {
    if (running()) {
      return;
    }
    if (System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty("log4j2.loggerContextFactory", LOG4J_CONTEXT_FACTORY);
    }
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    log.info("Starting the in-process OpenSearch node with data in {}", home);
    OpenSearchRunner next = new OpenSearchRunner();
    next.setMaxHttpPort(maxHttpPort);
    int fixedPort = httpPort;
    next.onBuild(
        (number, settings) -> {
          settings.put("network.host", "127.0.0.1");
          settings.put("discovery.type", "single-node");
          settings.put("http.cors.enabled", "false");
          // a nearly full disk must not turn the index read-only on a developer's machine
          settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
          settings.put("action.auto_create_index", "false");
          settings.put("indices.query.bool.max_clause_count", "2048");
          // the first start takes ports the OS chooses (no race with another node on this machine);
          // a restart keeps
          // its HTTP port, so clients keep their address
          settings.put("http.port", fixedPort > 0 ? String.valueOf(fixedPort) : "0");
          settings.put("transport.port", "0");
          // the node shares the heap with the platform: its parent circuit breaker counts what
          // the node itself reserves, not the whole heap the platform fills between collections
          settings.put("indices.breaker.total.use_real_memory", "false");
        });
    next.build(
        OpenSearchRunner.newConfigs()
            .basePath(home.toString())
            .numOfNode(1)
            .moduleTypes(MODULES)
            .clusterName("contractflow")
            .disableESLogger());
    next.ensureYellow();
    runner = next;
    httpPort =
        next.node()
            .injector()
            .getInstance(HttpServerTransport.class)
            .boundAddress()
            .publishAddress()
            .getPort();
    log.info("In-process OpenSearch node is listening on {}", httpUrl());
  }

  /** Stops the node; its data stays. */
  public synchronized void stop() {
    if (runner == null) {
      return;
    }
    try {
      runner.close();
      log.info("In-process OpenSearch node stopped");
    } catch (IOException e) {
      log.warn("The in-process OpenSearch node did not stop cleanly", e);
    } finally {
      runner = null;
    }
  }

  @Override
  public void close() {
    if (this != shared) {
      stop();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              file -> {
                try {
                  Files.delete(file);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

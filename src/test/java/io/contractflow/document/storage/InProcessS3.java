package io.contractflow.document.storage;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * An S3-compatible server inside the test JVM: Adobe S3Mock over real HTTP on a free loopback port,
 * for the real AWS SDK. {@link #start()} gives a server of one's own; {@link #startShared()} one
 * server for the whole JVM, for Spring integration tests:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void s3(DynamicPropertyRegistry registry) {
 *   InProcessS3.Endpoint s3 = InProcessS3.startShared();
 *   registry.add("contractflow.documents.storage.type", () -> "s3");
 *   registry.add("contractflow.documents.storage.s3.endpoint", () -> s3.uri().toString());
 *   registry.add("contractflow.documents.storage.s3.access-key", s3::accessKey);
 *   registry.add("contractflow.documents.storage.s3.secret-key", s3::secretKey);
 * }
 * }</pre>
 *
 * S3Mock is a Spring Boot application; it runs in a class loader of its own ({@link
 * S3MockClassLoader}), and what its start would change JVM-wide (system properties, the root
 * handlers of java.util.logging, Tomcat's URL stream handler factory) is left alone or put back
 * afterwards. S3Mock does not check request signatures: the keys are for the client only.
 */
public final class InProcessS3 implements AutoCloseable {

  /** Where a client finds the server. */
  public record Endpoint(URI uri, String accessKey, String secretKey) {

    /** Client settings for this server (path-style, as S3Mock needs), the region being any. */
    public StorageProperties.S3 settings(String bucket, Duration timeout) {
      return new StorageProperties.S3(
          uri, "us-east-1", bucket, accessKey, secretKey, true, timeout);
    }

    /** A raw S3 client's builder for this server (path-style), for tests that look into it. */
    public software.amazon.awssdk.services.s3.S3ClientBuilder clientBuilder() {
      return software.amazon.awssdk.services.s3.S3Client.builder()
          .endpointOverride(uri)
          .region(software.amazon.awssdk.regions.Region.US_EAST_1)
          .forcePathStyle(true)
          .credentialsProvider(
              software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                  software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                      accessKey, secretKey)));
    }

    /** A raw S3 client for this server. */
    public software.amazon.awssdk.services.s3.S3Client client() {
      return clientBuilder().build();
    }
  }

  private static final String ACCESS_KEY = "contractflow-test";
  private static final String SECRET_KEY = "contractflow-test-secret";

  private static Endpoint shared;

  private final Object application;
  private final Endpoint endpoint;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private InProcessS3(Object application, int port) {
    this.application = application;
    this.endpoint = new Endpoint(URI.create("http://127.0.0.1:" + port), ACCESS_KEY, SECRET_KEY);
  }

  /**
   * A server of the caller's own, on a free loopback port, with an empty store; {@link #close()}
   * stops it.
   */
  public static synchronized InProcessS3 start() {
    ClassLoader loader = S3MockClassLoader.get();
    Thread thread = Thread.currentThread();
    ClassLoader previousLoader = thread.getContextClassLoader();
    Properties previousProperties = (Properties) System.getProperties().clone();
    Logger julRoot = LogManager.getLogManager().getLogger("");
    List<Handler> previousHandlers = List.of(julRoot.getHandlers());
    Level previousLevel = julRoot.getLevel();
    thread.setContextClassLoader(
        loader); // Spring finds its resources through it, and S3Mock's threads inherit it
    julRoot.setLevel(Level.WARNING); // S3Mock's Tomcat logs its start through java.util.logging
    try {
      // Tomcat sets the JVM's one URL stream handler factory. The application's Tomcat (in the
      // integration tests)
      // needs that place, and S3Mock's Tomcat fails if it is taken: S3Mock's Tomcat leaves it alone
      loader
          .loadClass("org.apache.catalina.webresources.TomcatURLStreamHandlerFactory")
          .getMethod("disable")
          .invoke(null);
      Class<?> type = loader.loadClass(S3MockClassLoader.APPLICATION);
      Map<String, Object> options =
          new HashMap<>(Map.of("silent", "true")); // no banner; warnings and errors only
      // as arguments, which no environment variable or system property can override: plain HTTP on
      // a free
      // loopback port; everything started before the first request
      String[] arguments = {
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--server.ssl.enabled=false",
        "--com.adobe.testing.s3mock.http-port=0",
        "--spring.mvc.servlet.load-on-startup=1"
      };
      Object application =
          type.getMethod("start", Map.class, String[].class).invoke(null, options, arguments);
      InProcessS3 server =
          new InProcessS3(application, (int) type.getMethod("getPort").invoke(application));
      try {
        server.removeSecondConnector();
      } catch (ReflectiveOperationException | RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("S3Mock did not start", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("S3Mock did not start; has its API changed?", e);
    } finally {
      thread.setContextClassLoader(previousLoader);
      restore(previousProperties);
      restore(julRoot, previousHandlers, previousLevel);
    }
  }

  /** The server of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized Endpoint startShared() {
    if (shared == null) {
      InProcessS3 server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "in-process-s3-stop"));
      shared = server.endpoint();
    }
    return shared;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    if (stopped.compareAndSet(false, true)) {
      try {
        application.getClass().getMethod("stop").invoke(application);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("S3Mock did not stop", e);
      }
    }
  }

  /**
   * S3Mock always adds a second, plain-HTTP connector that listens on every network interface.
   * Nothing here uses it, so it goes: the server is reachable from this machine only. This reads
   * two private fields of S3Mock; should a newer S3Mock rename them, the start fails here, loudly.
   */
  private void removeSecondConnector() throws ReflectiveOperationException {
    ClassLoader loader = application.getClass().getClassLoader();
    Object configuration = privateField(application, application.getClass(), "config");
    Object connector =
        privateField(
            configuration,
            loader.loadClass("com.adobe.testing.s3mock.S3MockConfiguration"),
            "httpConnector");
    Object service = connector.getClass().getMethod("getService").invoke(connector);
    service
        .getClass()
        .getMethod("removeConnector", connector.getClass())
        .invoke(service, connector);
  }

  private static Object privateField(Object owner, Class<?> declaring, String name)
      throws ReflectiveOperationException {
    Field field = declaring.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }

  /** Puts the system properties back in place (the same object: code may hold on to it). */
  private static void restore(Properties before) {
    Properties now = System.getProperties();
    for (String name : now.stringPropertyNames()) {
      if (!before.containsKey(name)) {
        System.clearProperty(name);
      }
    }
    before.forEach(now::put);
  }

  /**
   * Spring Boot bridges java.util.logging into its Logback when it finds the JDK's console handler
   * alone; S3Mock's would then swallow the JVM's java.util.logging output at its own levels. Put
   * back what was there.
   */
  private static void restore(Logger root, List<Handler> handlers, Level level) {
    for (Handler handler : root.getHandlers()) {
      if (!handlers.contains(handler)) {
        root.removeHandler(handler);
      }
    }
    List<Handler> present = List.of(root.getHandlers());
    handlers.stream().filter(handler -> !present.contains(handler)).forEach(root::addHandler);
    root.setLevel(level);
  }
}

package io.contractflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Keycloak server for tests, started once per test JVM on first use and stopped by a
 * shutdown hook: the distribution {@code org.keycloak:keycloak-quarkus-dist} that the build unpacks
 * into {@code target/keycloak} (phase {@code pre-integration-test}), run as {@code kc.sh start-dev}
 * on a free loopback port with an in-memory database and the repository's realm imported, plus the
 * test-only password-grant client. Tokens from {@link #tokenFor(String)} come from a real grant,
 * signed by the server's own keys.
 *
 * <p>Starting takes about 25 s (plus about 20 s once per unpacked distribution for Quarkus' build
 * step), so every test that needs Keycloak shares {@link #shared()}. If it cannot start, the first
 * caller gets the reason and the server's log, and every later caller the same failure at once,
 * without a second attempt.
 *
 * <p>Without the unpacked distribution the calling test fails with a clear message when {@code
 * CI=true}, and is skipped elsewhere (run {@code ./mvnw verify}, or {@code ./mvnw
 * pre-integration-test} once, to unpack it). System property {@value #HOME_PROPERTY} points at the
 * distribution (set by the failsafe configuration); without it {@code target/keycloak/keycloak-*}
 * is used.
 */
public final class KeycloakServer {

  public static final String HOME_PROPERTY = "contractflow.keycloak.home";

  /** The Keycloak JVM's heap; the test JVMs share 2 cores, so keep it modest. */
  public static final String HEAP_PROPERTY = "contractflow.keycloak.heap";

  public static final String STARTUP_TIMEOUT_PROPERTY =
      "contractflow.keycloak.startup-timeout-seconds";

  private static final String HOST = "127.0.0.1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
  private static final int LOG_LINES_ON_FAILURE = 80;
  private static final int PORT_ATTEMPTS = 3;

  /**
   * Runs kc.sh in the background and stops it (SIGTERM, which kc.sh passes on to Keycloak's JVM)
   * when the test JVM is gone, even if that JVM was killed and its shutdown hook never ran: no
   * Keycloak outlives its test run.
   */
  private static final String WATCHDOG =
      """
      parent=$1; shift
      "$@" &
      kc=$!
      trap 'kill -TERM $kc 2>/dev/null' TERM INT
      ( while kill -0 "$parent" 2>/dev/null; do sleep 2; done; kill -TERM "$kc" 2>/dev/null ) &
      wait "$kc"
      """;

  private static KeycloakServer shared;
  private static RuntimeException startFailure;

  private final Path home;
  private final int port;
  private final Process process;
  private final Path log;
  private final Duration startupTime;

  /**
   * Access tokens of {@link #bearerCredentials()} by user and password: the token and until when to
   * use it.
   */
  private final Map<String, String[]> tokens = new java.util.concurrent.ConcurrentHashMap<>();

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private KeycloakServer(Path home, int port, Process process, Path log, Duration startupTime) {
    this.home = home;
    this.port = port;
    this.process = process;
    this.log = log;
    this.startupTime = startupTime;
  }

  /**
   * The one Keycloak of this JVM, started on first call (which then takes some 25 s). Fails, or
   * skips the calling test outside CI, when the distribution has not been unpacked.
   */
  public static synchronized KeycloakServer shared() {
    if (shared != null) {
      return shared;
    }
    if (startFailure != null) {
      throw new IllegalStateException(
          "Keycloak failed to start earlier in this JVM: " + startFailure.getMessage(),
          startFailure);
    }
    Path home = distribution();
    try {
      shared = start(home);
    } catch (RuntimeException e) {
      startFailure = e;
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "keycloak-test-shutdown"));
    return shared;
  }

  /** The unpacked distribution this server runs from. */
  public Path home() {
    return home;
  }

  /** {@code http://127.0.0.1:<port>}: where the server answers. */
  public String baseUrl() {
    return "http://" + HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  /** The realm's issuer, {@code iss} of its tokens; OIDC discovery is under it. */
  public String issuerUri() {
    return baseUrl() + "/realms/" + KeycloakRealm.NAME;
  }

  public URI tokenEndpoint() {
    return URI.create(issuerUri() + "/protocol/openid-connect/token");
  }

  public URI authorizationEndpoint() {
    return URI.create(issuerUri() + "/protocol/openid-connect/auth");
  }

  public URI jwksUri() {
    return URI.create(issuerUri() + "/protocol/openid-connect/certs");
  }

  /**
   * The admin REST API of the realm ({@code /admin/realms/contractflow}), e.g. for the identity
   * plugin.
   */
  public String adminApi() {
    return baseUrl() + "/admin/realms/" + KeycloakRealm.NAME;
  }

  /** From starting the process until the realm answered. */
  public Duration startupTime() {
    return startupTime;
  }

  /** The server's console output. */
  public Path log() {
    return log;
  }

  /** The realm at another address of this server, as the platform's back channel. */
  public String backChannelUri() {
    return "http://localhost:" + port + "/realms/" + KeycloakRealm.NAME;
  }

  /** The issuer of another realm on this server (see {@link KeycloakRealm#OTHER_REALM}). */
  public String issuerUri(String realm) {
    return baseUrl() + "/realms/" + realm;
  }

  /**
   * Bearer tokens for {@link Api}: each user's token from a real password grant, kept until a
   * minute before it expires.
   */
  public Api.Credentials bearerCredentials() {
    return (user, password) -> {
      long now = System.currentTimeMillis();
      String[] cached = tokens.get(user + "\n" + password);
      if (cached == null || Long.parseLong(cached[1]) < now) {
        String token = tokenFor(user, password);
        long lifetime = Math.max(0, KeycloakRealm.ACCESS_TOKEN_LIFESPAN_SECONDS - 60) * 1000L;
        cached = new String[] {token, Long.toString(now + lifetime)};
        tokens.put(user + "\n" + password, cached);
      }
      return "Bearer " + cached[0];
    };
  }

  /** A fresh access token for a demo user (password = user name), through a real password grant. */
  public String tokenFor(String user) {
    return tokenFor(user, user);
  }

  public String tokenFor(String user, String password) {
    return passwordGrant(user, password).accessToken();
  }

  /**
   * The token endpoint's whole answer for a password grant through the test client ({@code
   * access_token}, {@code id_token}, {@code refresh_token}, ...); status and error body for a
   * refused one.
   */
  public TokenResponse passwordGrant(String user, String password) {
    return passwordGrant(KeycloakRealm.NAME, KeycloakRealm.TEST_CLIENT, user, password);
  }

  /**
   * A password grant in any realm of this server through any client with the test client's secret.
   */
  public TokenResponse passwordGrant(String realm, String clientId, String user, String password) {
    return postForm(
        URI.create(issuerUri(realm) + "/protocol/openid-connect/token"),
        form(
            "grant_type",
            "password",
            "client_id",
            clientId,
            "client_secret",
            KeycloakRealm.TEST_SECRET,
            "username",
            user,
            "password",
            password,
            "scope",
            "openid"));
  }

  /** A client-credentials grant, e.g. for the identity plugin's service account. */
  public TokenResponse clientCredentialsGrant(String clientId, String secret) {
    return postForm(
        tokenEndpoint(),
        form(
            "grant_type", "client_credentials",
            "client_id", clientId,
            "client_secret", secret));
  }

  /** POSTs an {@code application/x-www-form-urlencoded} body, e.g. to the token endpoint. */
  public TokenResponse postForm(URI uri, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = send(request);
    return new TokenResponse(response.statusCode(), parse(response.body()));
  }

  /** Form fields in the given order, from name/value pairs. */
  public static Map<String, String> form(String... namesAndValues) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return form;
  }

  /** A GET with a bearer token, e.g. to the admin REST API. */
  public HttpResponse<String> get(String url, String bearerToken) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + bearerToken)
            .header("Accept", "application/json")
            .GET()
            .build());
  }

  /** A POST of a JSON body with a bearer token, e.g. to the admin REST API. */
  public HttpResponse<String> postJson(String url, String bearerToken, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + bearerToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** The token endpoint's answer: its HTTP status and JSON body. */
  public record TokenResponse(int status, JsonNode body) {

    public boolean ok() {
      return status == 200 && body.hasNonNull("access_token");
    }

    /** The access token; fails with the status and error body when the grant was refused. */
    public String accessToken() {
      if (!ok()) {
        throw new IllegalStateException("Keycloak issued no token: " + this);
      }
      return body.get("access_token").asText();
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + body;
    }
  }

  // --- starting and stopping
  // -------------------------------------------------------------------------------------

  private static Path distribution() {
    String configured = System.getProperty(HOME_PROPERTY);
    Path home =
        configured != null && !configured.isBlank() ? Path.of(configured) : unpackedUnderTarget();
    if (home != null && Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      return home.toAbsolutePath();
    }
    String message =
        "The Keycloak distribution is missing (looked for bin/kc.sh in "
            + (home == null ? "target/keycloak/keycloak-*" : home.toAbsolutePath())
            + "). The build unpacks org.keycloak:keycloak-quarkus-dist (zip) there in phase pre-integration-test: run"
            + " ./mvnw verify, or ./mvnw pre-integration-test once before running a single test from the IDE.";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(message);
    }
    Assumptions.abort(message + " (skipped because CI is not set to true)");
    throw new AssertionError("unreachable");
  }

  private static Path unpackedUnderTarget() {
    Path target = Path.of("target", "keycloak");
    if (!Files.isDirectory(target)) {
      return null;
    }
    try (Stream<Path> children = Files.list(target)) {
      return children
          .filter(p -> p.getFileName().toString().startsWith("keycloak-") && Files.isDirectory(p))
          .max(Comparator.naturalOrder())
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static KeycloakServer start(Path home) {
    try {
      writeRealmImport(home);
      for (int attempt = 1; ; attempt++) {
        int port = freePort();
        try {
          return launch(home, port);
        } catch (PortTakenException e) {
          // the free port was only probed: another process took it before Keycloak bound it
          if (attempt == PORT_ATTEMPTS) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The only files in {@code data/import}: the repository's realm file plus the test-only clients
   * (the password grant, and the same with tokens that expire after a second), and a copy of it all
   * as a second realm of another name.
   */
  private static void writeRealmImport(Path home) throws IOException {
    Path root = repositoryRoot();
    ObjectNode realm = (ObjectNode) JSON.readTree(root.resolve(KeycloakRealm.REALM_FILE).toFile());
    ObjectNode testClient =
        (ObjectNode) JSON.readTree(root.resolve(KeycloakRealm.TEST_CLIENT_FILE).toFile());
    ObjectNode shortLived =
        testClient.deepCopy().put("clientId", KeycloakRealm.SHORT_LIVED_TEST_CLIENT);
    shortLived
        .withObject("/attributes")
        .put("access.token.lifespan", Integer.toString(KeycloakRealm.SHORT_LIVED_TOKEN_SECONDS));
    ((ArrayNode) realm.withArray("clients")).add(testClient).add(shortLived);
    Path imports = home.resolve("data/import");
    deleteRecursively(imports);
    Files.createDirectories(imports);
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(imports.resolve(KeycloakRealm.NAME + "-realm.json").toFile(), realm);
    ObjectNode other = realm.deepCopy().put("realm", KeycloakRealm.OTHER_REALM);
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(imports.resolve(KeycloakRealm.OTHER_REALM + "-realm.json").toFile(), other);
  }

  /**
   * Maven runs the tests in the project directory; an IDE may run them from a module path below it.
   */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(KeycloakRealm.REALM_FILE))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no " + KeycloakRealm.REALM_FILE + " in " + Path.of("").toAbsolutePath() + " or above");
  }

  private static KeycloakServer launch(Path home, int port) throws IOException {
    Path log = home.getParent().resolve("keycloak-" + port + ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                "sh",
                "-c",
                WATCHDOG,
                "keycloak-watchdog",
                Long.toString(ProcessHandle.current().pid()),
                "sh",
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host",
                HOST,
                "--http-port",
                Integer.toString(port),
                // as docker-compose runs it: tokens name the browsers' address as issuer whichever
                // address was called,
                // while the platform may call the realm at another one (the back channel, here:
                // localhost)
                "--hostname",
                "http://" + HOST + ":" + port,
                "--hostname-backchannel-dynamic",
                "true",
                "--db",
                "dev-mem", // a fresh realm from the file on every start, nothing left from earlier
                // runs
                "--import-realm"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                log.toFile()); // a file, not a pipe: an unread pipe would fill up and stall
    // Keycloak
    Map<String, String> env = builder.environment();
    // only our settings: a KC_DB or JAVA_OPTS from the environment must not change the server under
    // test
    env.keySet()
        .removeIf(
            name ->
                name.startsWith("KC_")
                    || name.startsWith("KEYCLOAK_")
                    || name.matches(
                        "CONTRACTFLOW_.*_CLIENT_SECRET") // the realm file's placeholders: their
                    // defaults here
                    || name.startsWith("JAVA_OPTS")
                    || name.equals("JAVA_ADD_OPENS")
                    || name.equals("DEBUG"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JAVA_OPTS_KC_HEAP", System.getProperty(HEAP_PROPERTY, "-Xms64m -Xmx512m"));

    Duration limit = Duration.ofSeconds(Long.getLong(STARTUP_TIMEOUT_PROPERTY, 240));
    System.out.printf(
        "Keycloak: starting %s on %s:%d (log: %s)%n", home.getFileName(), HOST, port, log);
    long started = System.nanoTime();
    Process process = builder.start();
    KeycloakServer server = new KeycloakServer(home, port, process, log, Duration.ZERO);
    long nextProgress = started + PROGRESS_INTERVAL.toNanos();
    while (!server.realmAnswers()) {
      long now = System.nanoTime();
      if (!process.isAlive()) {
        String output = tail(log);
        String reason =
            "Keycloak exited with code "
                + process.exitValue()
                + " before its realm answered on port "
                + port
                + "; last lines of "
                + log
                + ":\n"
                + output;
        if (output.contains("Address already in use") || output.contains("Port already bound")) {
          throw new PortTakenException(reason);
        }
        throw new IllegalStateException(reason);
      }
      if (now - started > limit.toNanos()) {
        server.stop();
        throw new IllegalStateException(
            "Keycloak's realm did not answer on port "
                + port
                + " within "
                + limit
                + " (raise -D"
                + STARTUP_TIMEOUT_PROPERTY
                + "); last lines of "
                + log
                + ":\n"
                + tail(log));
      }
      if (now >= nextProgress) {
        System.out.printf(
            "Keycloak: still starting after %d s: %s%n",
            Duration.ofNanos(now - started).toSeconds(), lastLine(log));
        nextProgress += PROGRESS_INTERVAL.toNanos();
      }
      sleep(POLL_INTERVAL);
    }
    Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf(
        "Keycloak: realm %s ready at %s after %d s%n",
        KeycloakRealm.NAME, server.issuerUri(), startupTime.toSeconds());
    return new KeycloakServer(home, port, process, log, startupTime);
  }

  private boolean realmAnswers() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Keycloak", e);
    }
  }

  /**
   * Stops Keycloak: SIGTERM to the launcher and its children (Keycloak's JVM), then SIGKILL if
   * needed.
   */
  void stop() {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    try {
      for (ProcessHandle handle : all) {
        try {
          handle.onExit().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException
            | java.util.concurrent.ExecutionException e) {
          handle.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      all.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Keycloak did not answer " + request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode().put("unparsed", body);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static String lastLine(Path file) {
    String tail = tail(file);
    int newline = tail.lastIndexOf('\n');
    return newline < 0 ? tail : tail.substring(newline + 1);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Keycloak", e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Keycloak could not bind the probed port. */
  private static final class PortTakenException extends RuntimeException {
    PortTakenException(String message) {
      super(message);
    }
  }
}

package io.contractflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.ContractFlowApplication;
import io.contractflow.search.EmbeddedOpenSearch;
import io.contractflow.signature.TestSealKeystore;
import io.contractflow.support.Api;
import io.contractflow.support.HttpFrom;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;

/**
 * The production profile: the database comes from the standard PG* variables, there are no demo
 * users, and the first admin is created from CONTRACTFLOW_ADMIN_USER / _PASSWORD. The PostgreSQL
 * here stands in for an external server: a real one, started by the test, that the platform only
 * knows by its variables.
 */
@Tag("own-platform")
class ProdProfileIT {

  @Test
  void takesTheDatabaseFromPgVariablesAndHasOnlyTheInitialAdmin() throws Exception {
    // the variables are given as arguments; the test's own environment (CI's SPRING_DATASOURCE_URL)
    // stays out
    ConfigurableEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
        ConfigurableApplicationContext app =
            new SpringApplicationBuilder(ContractFlowApplication.class)
                .environment(environment)
                .run(
                    "--spring.profiles.active=prod",
                    "--PGHOST=127.0.0.1",
                    "--PGPORT=" + external.getPort(),
                    "--PGDATABASE=postgres",
                    "--PGUSER=postgres",
                    "--PGPASSWORD=",
                    "--CONTRACTFLOW_ADMIN_USER=firstadmin",
                    "--CONTRACTFLOW_ADMIN_PASSWORD=s3cret-Admin",
                    // prod takes an external cluster: the test JVM's node, reached over HTTP like
                    // any other
                    "--OPENSEARCH_URL="
                        + EmbeddedOpenSearch.shared(Path.of("target/test-opensearch"), true, 9299)
                            .httpUrl(),
                    "--server.port=0",
                    "--contractflow.documents.encryption.master-key="
                        + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                    "--contractflow.documents.storage.filesystem.root=target/prod-profile-it/documents",
                    "--contractflow.signing.seal.keystore="
                        + TestSealKeystore.at(Path.of("target/prod-profile-it/seal.p12")),
                    "--contractflow.signing.seal.password=" + TestSealKeystore.PASSWORD,
                    "--logging.structured.format.console=")) {
      Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));

      assertThat(app.getEnvironment().getProperty("spring.datasource.url"))
          .isEqualTo("jdbc:postgresql://127.0.0.1:" + external.getPort() + "/postgres");
      assertThat(app.containsBean("embeddedPostgres")).isFalse();
      assertThat(api.as("rita").get("/api/me").status()).isEqualTo(401);
      assertThat(api.as("admin").get("/api/me").status()).isEqualTo(401);
      Api.Response me = api.as("firstadmin", "s3cret-Admin").get("/api/me");
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.json().get("roles").get(0).asText()).isEqualTo("contract-admin");

      transportAndHeaders(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }
  }

  /**
   * Behind a proxy: the scheme and the client come from the forwarded headers of a trusted proxy
   * (here the loopback address, within Tomcat's default private ranges), cookies are Secure, HSTS
   * is sent on HTTPS, and the API documentation is not published.
   */
  private static void transportAndHeaders(int port) {
    HttpFrom proxy = new HttpFrom("127.0.0.1", port);
    Map<String, String> viaHttps =
        Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.10");

    HttpFrom.Response health = proxy.get("/actuator/health", viaHttps);
    assertThat(health.header("Strict-Transport-Security"))
        .hasValueSatisfying(
            v -> assertThat(v).contains("max-age=31536000").contains("includeSubDomains"));
    assertThat(health.header("Content-Security-Policy"))
        .hasValueSatisfying(
            v -> assertThat(v).contains("default-src 'self'").contains("frame-ancestors 'self'"));
    assertThat(proxy.get("/actuator/health", Map.of()).header("Strict-Transport-Security"))
        .as("no HSTS over plain HTTP")
        .isEmpty();

    HttpFrom.Response tasklist = proxy.get("/camunda/app/tasklist/default/", viaHttps);
    assertThat(tasklist.all("Set-Cookie"))
        .isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    assertThat(tasklist.all("Set-Cookie"))
        .filteredOn(c -> c.startsWith("JSESSIONID="))
        .allSatisfy(
            cookie -> assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    assertThat(tasklist.header("Content-Security-Policy"))
        .as("the webapps' own policy, not ours")
        .hasValueSatisfying(
            v -> assertThat(v).doesNotContain("form-action 'self'; frame-ancestors 'self'"));

    assertThat(proxy.get("/v3/api-docs", viaHttps).status()).isEqualTo(404);
    assertThat(proxy.get("/swagger-ui.html", viaHttps).status()).isEqualTo(404);

    // the throttle sees the client the proxy names: one client's wrong passwords do not block
    // another's sign-in
    Map<String, String> wrong =
        Map.of(
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-For",
            "203.0.113.66",
            "Authorization",
            basic("firstadmin", "wrong"));
    int last = 0;
    for (int i = 0; i < 6; i++) {
      last = proxy.get("/api/me", wrong).status();
    }
    assertThat(last).isEqualTo(429);
    assertThat(
            proxy
                .get(
                    "/api/me",
                    Map.of(
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-For",
                        "203.0.113.67",
                        "Authorization",
                        basic("firstadmin", "s3cret-Admin")))
                .status())
        .isEqualTo(200);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}

package io.contractflow.platform;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.ContractFlowApplication;
import io.contractflow.search.EmbeddedOpenSearch;
import io.contractflow.signature.TestSealKeystore;
import io.contractflow.support.Api;
import java.nio.file.Path;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;

/**
 * The production profile: the database comes from the standard PG* variables, there are no demo users, and the
 * first admin is created from CONTRACTFLOW_ADMIN_USER / _PASSWORD. The PostgreSQL here stands in for an external
 * server: a real one, started by the test, that the platform only knows by its variables.
 */
@Tag("own-platform")
class ProdProfileIT {

  @Test
  void takesTheDatabaseFromPgVariablesAndHasOnlyTheInitialAdmin() throws Exception {
    // the variables are given as arguments; the test's own environment (CI's SPRING_DATASOURCE_URL) stays out
    ConfigurableEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ContractFlowApplication.class)
            .environment(environment).run(
            "--spring.profiles.active=prod",
            "--PGHOST=127.0.0.1",
            "--PGPORT=" + external.getPort(),
            "--PGDATABASE=postgres",
            "--PGUSER=postgres",
            "--PGPASSWORD=",
            "--CONTRACTFLOW_ADMIN_USER=firstadmin",
            "--CONTRACTFLOW_ADMIN_PASSWORD=s3cret-Admin",
            // prod takes an external cluster: the test JVM's node, reached over HTTP like any other
            "--OPENSEARCH_URL=" + EmbeddedOpenSearch.shared(Path.of("target/test-opensearch"), true, 9299).httpUrl(),
            "--server.port=0",
            "--contractflow.documents.encryption.master-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
            "--contractflow.documents.storage.filesystem.root=target/prod-profile-it/documents",
            "--contractflow.signing.seal.keystore=" + TestSealKeystore.at(Path.of("target/prod-profile-it/seal.p12")),
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
    }
  }
}

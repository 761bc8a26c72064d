package io.contractflow.signature.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.platform.health.HealthCheckProperties;
import io.contractflow.platform.health.HealthChecks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.DefaultHealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Which vendors get a health member comes from their settings alone (HealthIT checks UP and DOWN
 * against the WireMock vendors): RightSignature under either spelling of its prefix, a vendor that
 * is off has none, and none enabled means no {@code esign} component at all.
 */
class VendorReachabilityTest {

  private final HealthChecks checks =
      new HealthChecks(
          new HealthCheckProperties(Duration.ZERO, Duration.ofSeconds(5)), Clock.systemUTC());

  @AfterEach
  void stop() {
    checks.destroy();
  }

  @Test
  void onlyEnabledVendorsAreChecked() throws IOException {
    String down = closedPort();
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("contractflow.signing.rightsignature.enabled", "true")
            .withProperty("contractflow.signing.rightsignature.base-url", down)
            .withProperty("contractflow.signing.pandadoc.enabled", "false");
    DefaultHealthContributorRegistry registry = new DefaultHealthContributorRegistry();

    VendorReachability reachability = new VendorReachability(environment, checks, registry);

    assertThat(reachability.endpoints())
        .containsOnlyKeys("rightSignature")
        .containsEntry("rightSignature", URI.create(down));
    CompositeHealthContributor esign =
        (CompositeHealthContributor) registry.getContributor("esign");
    HealthIndicator rightSignature = (HealthIndicator) esign.getContributor("rightSignature");
    assertThat(rightSignature.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(esign.getContributor("pandadoc")).isNull();
  }

  @Test
  void theDefaultBaseUrlWhenNoneIsConfigured() {
    // as the compose file and the chart set it: an environment variable
    MockEnvironment environment = new MockEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                "env", Map.of("CONTRACTFLOW_SIGNING_DOCUSIGN_ENABLED", "true")));
    VendorReachability reachability =
        new VendorReachability(environment, checks, new DefaultHealthContributorRegistry());
    assertThat(reachability.endpoints())
        .containsEntry("docusign", URI.create("https://account-d.docusign.com"));
  }

  @Test
  void noVendorNoComponent() {
    DefaultHealthContributorRegistry registry = new DefaultHealthContributorRegistry();
    new VendorReachability(new MockEnvironment(), checks, registry);
    assertThat(registry.getContributor("esign")).isNull();
  }

  private static String closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }
}

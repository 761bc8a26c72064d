package io.contractflow.signature.vendor;

import io.contractflow.platform.health.HealthChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Health component {@code esign}, with one member per enabled e-signature vendor ({@code docusign},
 * {@code adobeSign}, {@code pandadoc}, {@code rightSignature}): the vendor's API answers at its
 * configured base URL (one unauthenticated GET with short timeouts: any answer below 500 is UP, a
 * 5xx, a refused connection or a timeout is DOWN). Results are cached ({@code
 * contractflow.health.cache-ttl}), so probes never hammer a vendor. Not in the readiness group:
 * calls to vendors run in Camunda jobs that are retried and end in an incident.
 *
 * <p>The vendors are read from their settings ({@code contractflow.signing.<vendor>.enabled} and
 * the base URL), so a vendor's adapter needs nothing of its own for this.
 */
@Component
public class VendorReachability {

  /**
   * A vendor: its health name, its settings' prefixes (the first that is enabled counts), its base
   * URL setting.
   */
  record Vendor(String name, List<String> prefixes, String urlProperty, String defaultUrl) {}

  static final List<Vendor> VENDORS =
      List.of(
          new Vendor(
              "docusign",
              List.of("contractflow.signing.docusign"),
              "auth-base-url",
              "https://account-d.docusign.com"),
          new Vendor(
              "adobeSign",
              List.of("contractflow.signing.adobe-sign"),
              "api-access-point",
              "https://api.na1.adobesign.com/"),
          new Vendor(
              "pandadoc",
              List.of("contractflow.signing.pandadoc"),
              "base-url",
              "https://api.pandadoc.com"),
          new Vendor(
              "rightSignature",
              List.of("contractflow.signing.rightsignature"),
              "base-url",
              "https://api.rightsignature.com"));

  private final Map<String, URI> endpoints = new LinkedHashMap<>();

  public VendorReachability(
      Environment environment, HealthChecks checks, HealthContributorRegistry registry) {
    Binder binder = Binder.get(environment);
    for (Vendor vendor : VENDORS) {
      for (String prefix : vendor.prefixes()) {
        if (binder.bind(prefix + ".enabled", Boolean.class).orElse(false)) {
          endpoints.put(
              vendor.name(),
              URI.create(
                  binder
                      .bind(prefix + "." + vendor.urlProperty(), String.class)
                      .orElse(vendor.defaultUrl())));
          break;
        }
      }
    }
    if (endpoints.isEmpty()) {
      return;
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    Map<String, HealthContributor> members = new LinkedHashMap<>();
    endpoints.forEach((name, uri) -> members.put(name, checks.cached(() -> check(http, uri))));
    registry.registerContributor("esign", CompositeHealthContributor.fromMap(members));
  }

  /** The enabled vendors and the base URL each is checked at. */
  public Map<String, URI> endpoints() {
    return Map.copyOf(endpoints);
  }

  static Health check(HttpClient http, URI uri) {
    HttpResponse<Void> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return (response.statusCode() < 500 ? Health.up() : Health.down())
        .withDetail("url", uri.toString())
        .withDetail("httpStatus", response.statusCode())
        .build();
  }
}

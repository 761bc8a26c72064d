package io.contractflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.TestUsers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The security log kept for export: a failed login and the export itself are there, for admins and
 * auditors only; bad periods are refused.
 */
class SecurityLogIT extends IntegrationTest {

  private static final String LOG = "/api/admin/security-log";

  @Autowired private SecurityEvents events;
  @Autowired private IdentityService identity;

  @Test
  void aFailedLoginAndEveryExportAreKeptForAdminsAndAuditorsOnly() {
    String stranger = "nobody-" + System.nanoTime();
    assertThat(api.as(stranger, "wrong password").get("/api/me").status()).isEqualTo(401);

    for (String user : List.of("rita", "leo", "fiona", "erin", "sam")) {
      assertThat(api.as(user).get(LOG).status()).as(user).isEqualTo(403);
    }
    assertThat(api.anonymous().get(LOG).status()).isEqualTo(401);
    assertThat(api.as("admin").get(LOG + "?from=yesterday").status()).isEqualTo(400);
    assertThat(api.as("admin").get(LOG + "?format=pdf").status()).isEqualTo(400);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(api.as("admin").get(LOG + "?from=" + today.plusDays(1) + "&to=" + today).status())
        .isEqualTo(400);
    assertThat(api.as("admin").get(LOG + "?from=" + today.minusDays(500) + "&to=" + today).status())
        .isEqualTo(400);

    Api.Response first = api.as("audrey").get(LOG);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.headers().firstValue("X-Export-Truncated").orElse(null)).isEqualTo("false");
    assertThat(event(first.json(), "login", stranger).get("outcome").asText()).isEqualTo("failure");

    events.flush();
    Api.Response csv = api.as("admin").get(LOG + "?format=csv&from=" + today);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body()).contains(stranger, "login failed", "security-log", "audrey");
  }

  @Test
  void everyTableTakenOutAsAFileIsRecordedWithoutTheSearchText() {
    String secret = "Quistgaard" + System.nanoTime();
    String exporter = TestUsers.requester(identity, "exporter");
    String reader = TestUsers.requester(identity, "reader");
    Api.Response list = api.as(exporter, exporter).get("/api/contracts?format=xlsx&q=" + secret);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.contentType()).startsWith("application/vnd.openxmlformats");
    // the same list as JSON is no export
    assertThat(api.as(reader, reader).get("/api/contracts?q=" + secret).status()).isEqualTo(200);

    events.flush();
    JsonNode log =
        api.as("admin").get(LOG + "?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1)).json();
    JsonNode export = event(log, "export", exporter, "/api/contracts");
    assertThat(export.get("fields").asText()).contains("format=xlsx; q").doesNotContain(secret);
    assertThat(
            StreamSupport.stream(log.spliterator(), false)
                .anyMatch(
                    e ->
                        "export".equals(e.get("action").asText())
                            && reader.equals(e.path("user").asText())))
        .isFalse();
  }

  private static JsonNode event(JsonNode events, String action, String user, String what) {
    return StreamSupport.stream(events.spliterator(), false)
        .filter(
            e ->
                action.equals(e.get("action").asText())
                    && user.equals(e.path("user").asText())
                    && e.path("fields").asText().contains(what))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + action + " of " + user + " in " + events));
  }

  private static JsonNode event(JsonNode events, String action, String user) {
    return StreamSupport.stream(events.spliterator(), false)
        .filter(
            e -> action.equals(e.get("action").asText()) && user.equals(e.path("user").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " of " + user + " in " + events));
  }
}

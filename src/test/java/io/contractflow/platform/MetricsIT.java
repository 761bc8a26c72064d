package io.contractflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The business metrics as Prometheus scrapes them ({@code /actuator/prometheus}, as a contract
 * admin): values read from the database move with the data, the approval counter with a review's
 * outcome, and every metric the Grafana dashboard ({@code ops/grafana/contractflow-dashboard.json})
 * queries is in a real scrape. The test profile reads the database on every scrape ({@code
 * contractflow.metrics.refresh-interval: 0s}).
 */
class MetricsIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

  @Autowired JdbcTemplate jdbc;

  @Test
  void contractsByStatusFollowTheDatabase() {
    double before = scrape().sum("contractflow_contracts");
    createContract("rita");
    // contracts are never deleted; other tests' contracts may change status meanwhile, but not the
    // total
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(scrape().sum("contractflow_contracts")).isEqualTo(before + 1));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              double drafts =
                  count("select count(*) from contractflow.contract where status = 'DRAFT'");
              assertThat(scrape().value("contractflow_contracts", "status", "DRAFT"))
                  .isEqualTo(drafts);
            });
    assertThat(scrape().series("contractflow_contracts")).hasSize(9);
  }

  @Test
  void anApprovalIsCounted() {
    double approvedBefore = scrape().value("contractflow_approvals_total", "outcome", "approved");
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.putObject("value").put("amount", 5000).put("currency", "EUR");
    String contract = ContractsInReview.submit(api, "rita", body);
    String task = ContractsInReview.awaitTask(api, "leo", contract);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(scrape().value("contractflow_contracts", "status", "IN_REVIEW"))
                    .isPositive());

    Api.Response approved =
        api.as("leo")
            .post(
                "/api/tasks/" + task + "/complete",
                JSON.createObjectNode().put("decision", "APPROVE").put("comment", "fine"));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(204);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(scrape().value("contractflow_approvals_total", "outcome", "approved"))
                    .isGreaterThanOrEqualTo(approvedBefore + 1));
  }

  @Test
  void engineAndOutboxGaugesAreTheDatabasesValues() {
    assertThat(api.as("rita").get("/api/contracts").status()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              Scrape scrape = scrape();
              assertThat(scrape.value("contractflow_tasks_overdue"))
                  .isEqualTo(
                      count(
                          "select count(*) from act_ru_task where due_date_ < current_timestamp"));
              assertThat(scrape.value("contractflow_outbox_pending", "outbox", "mail"))
                  .isEqualTo(
                      count(
                          "select count(*)"
                              + " from contractflow.outbox where topic = 'mail' and done_at is null and failed_at is null"));
              assertThat(scrape.value("contractflow_jobs", "state", "failed"))
                  .isEqualTo(count("select count(*) from act_ru_job where retries_ = 0"));
            });
    Scrape scrape = scrape();
    assertThat(scrape.series("contractflow_outbox_pending")).hasSize(3);
    assertThat(scrape.series("contractflow_outbox_oldest_age_seconds")).hasSize(3);
    assertThat(scrape.series("contractflow_outbox_failed")).hasSize(2);
    // every deployed process has a series, with or without incidents
    assertThat(scrape.series("contractflow_incidents_open"))
        .anyMatch(series -> series.contains("process=\"contract-lifecycle\""));
    assertThat(scrape.series("contractflow_signing_duration_seconds_count"))
        .anyMatch(series -> series.contains("provider=\"built-in\""));
    // the HTTP latency histogram behind the dashboard's p95
    assertThat(scrape.names()).contains("http_server_requests_seconds_bucket");
  }

  @Test
  void everyMetricOfTheGrafanaDashboardIsScraped() throws IOException {
    JsonNode dashboard =
        JSON.readTree(Files.readString(Path.of("ops", "grafana", "contractflow-dashboard.json")));
    // the Prometheus data source is a variable, so the dashboard imports into any Grafana
    assertThat(dashboard.at("/templating/list").findValuesAsText("type")).contains("datasource");
    Set<String> queried = new TreeSet<>();
    Pattern metric =
        Pattern.compile(
            "\\b((?:contractflow|jvm|http_server|executor|hikaricp|process|tomcat)_"
                + "[a-zA-Z0-9_]*)");
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher names = metric.matcher(target.get("expr").asText());
        while (names.find()) {
          queried.add(names.group(1));
        }
      }
    }
    assertThat(queried)
        .contains(
            "contractflow_contracts",
            "contractflow_approvals_total",
            "contractflow_signing_duration_seconds_bucket",
            "contractflow_tasks_overdue",
            "contractflow_incidents_open",
            "contractflow_outbox_pending",
            "jvm_memory_used_bytes",
            "http_server_requests_seconds_bucket",
            "contractflow_jobs");
    // an API request first, so that the HTTP server's series exist even if this test runs first
    assertThat(api.as("rita").get("/api/contracts").status()).isEqualTo(200);
    Set<String> scraped = scrape().names();
    assertThat(scraped).containsAll(queried);
  }

  private double count(String sql) {
    Long count = jdbc.queryForObject(sql, Long.class);
    return count == null ? 0 : count.doubleValue();
  }

  private Scrape scrape() {
    Api.Response response = api.as("admin").get("/actuator/prometheus");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    try {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "prometheus-scrape.txt"), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Scrape(response.body());
  }

  /** A Prometheus text exposition: each series (name and labels) and its value. */
  private record Scrape(Map<String, Double> samples) {

    Scrape(String text) {
      this(parse(text));
    }

    private static Map<String, Double> parse(String text) {
      Map<String, Double> samples = new LinkedHashMap<>();
      for (String line : text.split("\n")) {
        Matcher sample = SAMPLE.matcher(line);
        if (!line.startsWith("#") && sample.find()) {
          samples.put(
              sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
              Double.parseDouble(sample.group(3)));
        }
      }
      return samples;
    }

    Set<String> names() {
      Set<String> names = new TreeSet<>();
      samples.keySet().forEach(series -> names.add(series.replaceFirst("\\{.*", "")));
      return names;
    }

    Set<String> series(String name) {
      Set<String> series = new TreeSet<>();
      samples.keySet().stream()
          .filter(s -> s.equals(name) || s.startsWith(name + "{"))
          .forEach(series::add);
      return series;
    }

    double value(String name) {
      return samples.entrySet().stream()
          .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
          .mapToDouble(Map.Entry::getValue)
          .findFirst()
          .orElseThrow(() -> new AssertionError(name + " is not scraped"));
    }

    /** The value of the one series of {@code name} with this label. */
    double value(String name, String label, String labelValue) {
      String wanted = label + "=\"" + labelValue + "\"";
      return samples.entrySet().stream()
          .filter(e -> e.getKey().startsWith(name + "{") && e.getKey().contains(wanted))
          .mapToDouble(Map.Entry::getValue)
          .findFirst()
          .orElseThrow(() -> new AssertionError(name + "{" + wanted + "} is not scraped"));
    }

    double sum(String name) {
      return samples.entrySet().stream()
          .filter(e -> e.getKey().startsWith(name + "{"))
          .mapToDouble(Map.Entry::getValue)
          .sum();
    }
  }
}

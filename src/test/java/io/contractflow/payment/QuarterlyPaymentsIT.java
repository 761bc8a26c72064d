package io.contractflow.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.VendorStubs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The done-when, over HTTP and on the engine's clock: a contract signed with a quarterly
 * payment schedule owed by the counterparty produces over its year four invoices in the Stripe stub
 * (customer made once, an idempotency key per instalment), each marked paid once from its signed
 * webhook (replayed once more: nothing changes), a reminder for each and an escalation for a late
 * one; the renewal decision then shows the record.
 */
class QuarterlyPaymentsIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired private RuntimeService runtime;
  @Autowired private ManagementService management;
  @Autowired private org.springframework.jdbc.core.JdbcTemplate jdbc;

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  private String contractId;

  @Test
  void fourQuarterlyInvoicesArePaidOnceEachAndTheRenewalDecisionShowsTheRecord() throws Exception {
    String counterparty = createCounterparty("rita");
    ObjectNode body = contractBody(counterparty);
    body.put("type", "NDA").putObject("value").put("amount", 500).put("currency", "EUR");
    LocalDate start = today();
    body.put("startDate", start.toString());
    body.put("endDate", start.plusYears(1).minusDays(1).toString());
    body.putObject("renewal")
        .put("autoRenew", false)
        .put("renewalTermMonths", 12)
        .put("noticePeriodDays", 30);
    contractId = createContract("rita", body).get("id").asText();

    ObjectNode payment = JSON.createObjectNode();
    payment.put("kind", "PAYMENT").put("title", "Quarterly licence fee");
    payment.putObject("owner").put("type", "USER").put("id", "rita");
    payment.put("owedBy", "COUNTERPARTY").put("schedule", "QUARTERLY");
    payment.put("firstDue", start.plusDays(14).toString());
    payment.putObject("amount").put("amount", 2500).put("currency", "EUR");
    Api.Response added =
        api.as("rita").post("/api/contracts/" + contractId + "/obligations", payment);
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    JsonNode instalments = added.json().get("instalments");
    assertThat(instalments).hasSize(4);

    VendorStubs.server()
        .stubFor(
            post(urlEqualTo("/stripe/v1/customers"))
                .withRequestBody(containing(counterparty))
                .willReturn(
                    json(
                        "{\"id\": \"cus_q"
                            + counterparty.substring(0, 8)
                            + "\", \"object\": \"customer\"}")));
    for (int n = 0; n < 4; n++) {
      String instalment = instalments.get(n).get("id").asText();
      String invoice = invoiceId(instalment);
      VendorStubs.server()
          .stubFor(
              post(urlEqualTo("/stripe/v1/invoices"))
                  .withRequestBody(containing(instalment))
                  .willReturn(json(invoiceJson(invoice, "draft"))));
      VendorStubs.server()
          .stubFor(
              post(urlEqualTo("/stripe/v1/invoiceitems"))
                  .withRequestBody(containing(invoice))
                  .willReturn(
                      json("{\"id\": \"ii_" + invoice + "\", \"object\": \"invoiceitem\"}")));
      VendorStubs.server()
          .stubFor(
              post(urlEqualTo("/stripe/v1/invoices/" + invoice + "/finalize"))
                  .willReturn(json(invoiceJson(invoice, "open"))));
      VendorStubs.server()
          .stubFor(
              post(urlEqualTo("/stripe/v1/invoices/" + invoice + "/send"))
                  .willReturn(json(invoiceJson(invoice, "open"))));
      stubRead(invoice, "open");
    }

    sign();

    for (int n = 0; n < 4; n++) {
      String instalment = instalments.get(n).get("id").asText();
      String invoice = invoiceId(instalment);
      LocalDate due = LocalDate.parse(instalments.get(n).get("dueOn").asText());
      Instant dueStarts = due.atStartOfDay(ZoneOffset.UTC).toInstant();
      // the reminder a week before: the invoice goes out
      moveEngineClockTo(dueStarts.minus(Duration.ofDays(7)).plusSeconds(60));
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () -> {
                runDueJobs();
                VendorStubs.server()
                    .verify(
                        moreThanOrExactly(1),
                        postRequestedFor(urlEqualTo("/stripe/v1/invoices/" + invoice + "/send")));
              });
      boolean late = n == 2;
      if (late) {
        // unpaid past its due date and grace: escalated, then paid late
        moveEngineClockTo(dueStarts.plus(Duration.ofDays(5)));
        await()
            .atMost(PATIENCE)
            .until(
                () -> {
                  runDueJobs();
                  return api.as("rita")
                      .get("/api/contracts/" + contractId + "/history?size=100")
                      .body();
                },
                h -> h.contains("overdue since " + due));
      } else {
        moveEngineClockTo(dueStarts.plus(Duration.ofHours(12)));
      }
      stubRead(invoice, "paid");
      String event = "evt_q" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      String eventBody = paidEvent(event, invoice);
      String signature = signature(eventBody);
      assertThat(deliver(eventBody, signature).body()).contains("APPLIED");
      assertThat(deliver(eventBody, signature).body()).contains("DUPLICATE");
      String expected = late ? "MET_LATE" : "MET_ON_TIME";
      int index = n;
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  api.as("rita")
                      .get("/api/contracts/" + contractId + "/obligations")
                      .json()
                      .get(0)
                      .get("instalments")
                      .get(index)
                      .get("status")
                      .asText(),
              expected::equals);
    }

    // a retried step may call again; every create of one instalment carries the same key, so Stripe
    // makes one invoice (and one customer) of them
    for (JsonNode instalment : instalments) {
      var creates =
          VendorStubs.server()
              .findAll(
                  postRequestedFor(urlEqualTo("/stripe/v1/invoices"))
                      .withRequestBody(containing(instalment.get("id").asText())));
      assertThat(creates).isNotEmpty();
      assertThat(creates)
          .allMatch(
              r ->
                  r.getHeader("Idempotency-Key")
                      .equals(
                          "contractflow-instalment-" + instalment.get("id").asText() + "-invoice"));
    }
    var customers =
        VendorStubs.server()
            .findAll(
                postRequestedFor(urlEqualTo("/stripe/v1/customers"))
                    .withRequestBody(containing(counterparty)));
    assertThat(customers).isNotEmpty();
    assertThat(customers)
        .allMatch(
            r -> r.getHeader("Idempotency-Key").equals("contractflow-customer-" + counterparty));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.stripe_invoice where contract_id = ?::uuid"
                    + " and status = 'paid'",
                Integer.class,
                contractId))
        .as("four invoices, each paid")
        .isEqualTo(4);

    String history =
        api.as("rita").get("/api/contracts/" + contractId + "/history?size=100").body();
    assertThat(history.split("Reminder: ", -1)).hasSize(5);
    assertThat(history.split("overdue since", -1)).hasSize(2);

    // the renewal decision (due 30 days before the notice deadline) shows the year's record
    LocalDate end = start.plusYears(1).minusDays(1);
    moveEngineClockTo(
        end.minusDays(60).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofDays(1)));
    String variables =
        await()
            .atMost(PATIENCE)
            .until(
                () -> {
                  runDueJobs();
                  for (JsonNode task :
                      api.as("rita")
                          .get("/api/contracts/" + contractId + "/process")
                          .json()
                          .get("openTasks")) {
                    if (task.get("name").asText().equals("Decide on renewal")) {
                      return api.as("rita")
                          .get("/api/tasks/" + task.get("id").asText() + "/form/variables")
                          .body();
                    }
                  }
                  return null;
                },
                v -> v != null);
    assertThat(variables).contains("3 met on time, 1 late, 0 missed, 0 waived");
  }

  private void sign() {
    submitAndSign("rita", contractId);
    await()
        .atMost(PATIENCE)
        .until(
            () -> api.as("rita").get("/api/contracts/" + contractId).json().get("status").asText(),
            "ACTIVE"::equals);
  }

  private void moveEngineClockTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Runs this contract's due jobs (timers, asynchronous steps) now, beside the job executor. */
  private void runDueJobs() {
    List<String> instances =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(contractId).list().stream()
            .map(p -> p.getId())
            .toList();
    for (String instance : instances) {
      for (Job job : management.createJobQuery().processInstanceId(instance).executable().list()) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException takenByTheExecutorOrFailed) {
          // the job executor ran it first, or it failed and is retried
        }
      }
    }
  }

  private static String invoiceId(String instalment) {
    return "in_q" + instalment.replace("-", "").substring(0, 20);
  }

  private static String invoiceJson(String invoice, String status) {
    return """
        {"id": "%s", "object": "invoice", "status": "%s", "amount_due": 250000,
         "amount_paid": %d, "currency": "eur", "collection_method": "send_invoice",
         "livemode": false}"""
        .formatted(invoice, status, status.equals("paid") ? 250000 : 0);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  private void stubRead(String invoice, String status) {
    VendorStubs.server()
        .stubFor(
            get(urlEqualTo("/stripe/v1/invoices/" + invoice))
                .willReturn(json(invoiceJson(invoice, status))));
  }

  private String paidEvent(String id, String invoice) {
    return """
        {"id": "%s", "object": "event", "api_version": "2025-10-29.clover", "created": %d,
         "livemode": false, "pending_webhooks": 1, "type": "invoice.paid",
         "data": {"object": {"id": "%s", "object": "invoice", "status": "paid"}}}"""
        .formatted(id, Instant.now(clock).getEpochSecond(), invoice);
  }

  private String signature(String payload) throws Exception {
    long timestamp = Instant.now(clock).getEpochSecond();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            VendorStubs.STRIPE_WEBHOOK_SECRET_NEW.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "t="
        + timestamp
        + ",v1="
        + HexFormat.of()
            .formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> deliver(String payload, String signature) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

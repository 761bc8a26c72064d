package io.contractflow.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.VendorStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refunds when a contract is terminated, against stubs of Stripe's documented API (the invoice,
 * {@code GET /v1/invoice_payments?invoice=}, {@code POST /v1/refunds} and their objects as Stripe's
 * API reference shows them): the instalments paid for a period after the termination date are
 * refunded in full, once each, with an idempotency key per instalment; one due on the termination
 * day is not, nor an unpaid one (its invoice is voided). Stripe failing half-way fails the
 * closure's job (retried, then an incident): the retry sends the first refund again with the same
 * key and Stripe's answer is the same refund, so nothing is refunded twice; a replay afterwards
 * sends nothing. Each refund is one entry in the contract's history.
 */
class RefundsOnTerminationIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @Autowired private JdbcTemplate jdbc;
  @Autowired private ManagementService management;
  @Autowired private HistoryService history;
  @Autowired private RuntimeService runtime;
  @Autowired private StripeRefunds refunds;

  @Test
  void paidInstalmentsAfterTheTerminationAreRefundedOnceEach() throws Exception {
    String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.put("type", "NDA").putObject("value").put("amount", 500).put("currency", "EUR");
    body.put("startDate", today().toString());
    body.put("endDate", today().plusYears(1).minusDays(1).toString());
    body.putObject("renewal").put("autoRenew", false);
    String contractId = createContract("rita", body).get("id").asText();
    String base = "/api/contracts/" + contractId + "/obligations";

    // a quarterly fee from three weeks on (no invoice is due before the termination) and a fee we
    // paid today through the same account (due on the termination day: not refunded)
    ObjectNode quarterly = JSON.createObjectNode();
    quarterly.put("kind", "PAYMENT").put("title", "Quarterly fee " + tag);
    quarterly.putObject("owner").put("type", "USER").put("id", "rita");
    quarterly.put("owedBy", "COUNTERPARTY").put("schedule", "QUARTERLY");
    quarterly.put("firstDue", today().plusDays(21).toString());
    quarterly.putObject("amount").put("amount", 2500).put("currency", "EUR");
    Api.Response added = api.as("rita").post(base, quarterly);
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    JsonNode instalments = added.json().get("instalments");
    assertThat(instalments).hasSize(4);
    ObjectNode setUpFee = quarterly.deepCopy();
    setUpFee.put("title", "Set-up fee " + tag).put("owedBy", "US").put("schedule", "ONE_OFF");
    setUpFee.put("firstDue", today().toString());
    Api.Response dueToday = api.as("rita").post(base, setUpFee);
    assertThat(dueToday.status()).as(dueToday.toString()).isEqualTo(201);

    String first = instalments.get(0).get("id").asText();
    String second = instalments.get(1).get("id").asText();
    String unpaid = instalments.get(2).get("id").asText();
    String setUp = dueToday.json().get("instalments").get(0).get("id").asText();
    invoice(contractId, first, "in_rf1" + tag, "paid");
    invoice(contractId, second, "in_rf2" + tag, "paid");
    invoice(contractId, unpaid, "in_rf3" + tag, "open");
    invoice(contractId, setUp, "in_rf4" + tag, "paid");
    stubPaidInvoice("in_rf1" + tag, "pi_rf1" + tag);
    stubPaidInvoice("in_rf2" + tag, "pi_rf2" + tag);
    stubPaidInvoice("in_rf4" + tag, "pi_rf4" + tag);
    VendorStubs.server()
        .stubFor(
            get(urlEqualTo("/stripe/v1/invoices/in_rf3" + tag))
                .willReturn(json(invoiceJson("in_rf3" + tag, "open"))));
    VendorStubs.server()
        .stubFor(
            post(urlEqualTo("/stripe/v1/invoices/in_rf3" + tag + "/void"))
                .willReturn(json(invoiceJson("in_rf3" + tag, "void"))));
    // Stripe answers a repeated create with the same idempotency key with the first refund
    VendorStubs.server()
        .stubFor(
            post(urlEqualTo("/stripe/v1/refunds"))
                .withRequestBody(containing("payment_intent=pi_rf1" + tag))
                .withHeader("Idempotency-Key", equalTo("contractflow-refund-" + first))
                .willReturn(json(refundJson("re_rf1" + tag, "pi_rf1" + tag, first))));
    // the second fails once (Stripe down), then succeeds
    String scenario = "refund-" + tag;
    VendorStubs.server()
        .stubFor(
            post(urlEqualTo("/stripe/v1/refunds"))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(containing("payment_intent=pi_rf2" + tag))
                .willReturn(
                    aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\": {\"type\": \"api_error\", \"message\": \"An unknown error"
                                + " occurred\"}}"))
                .willSetStateTo("up"));
    VendorStubs.server()
        .stubFor(
            post(urlEqualTo("/stripe/v1/refunds"))
                .inScenario(scenario)
                .whenScenarioStateIs("up")
                .withRequestBody(containing("payment_intent=pi_rf2" + tag))
                .withHeader("Idempotency-Key", equalTo("contractflow-refund-" + second))
                .willReturn(json(refundJson("re_rf2" + tag, "pi_rf2" + tag, second))));

    sign(contractId);
    assertThat(
            api.as("rita")
                .post("/api/contracts/" + contractId + "/terminate", Map.of("reason", "moved out"))
                .status())
        .isEqualTo(202);

    // the refund step failed on the second refund: the job waits for its retry, nothing is kept
    Job job =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    management
                        .createJobQuery()
                        .activityId("Task_RefundPaidInstalments")
                        .withException()
                        .list()
                        .stream()
                        .filter(j -> ofContract(j.getProcessInstanceId(), contractId))
                        .findFirst()
                        .orElse(null),
                j -> j != null);
    assertThat(job.getRetries()).as("retried, then an incident").isBetween(1, 2);
    assertThat(refundRows(contractId)).isZero();
    management.executeJob(job.getId());

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKey("contract-closure")
                    .processInstanceBusinessKey(contractId)
                    .finished()
                    .count(),
            n -> n == 1);
    assertThat(refundRows(contractId)).as("two instalments refunded, once each").isEqualTo(2);
    assertThat(
            jdbc.queryForList(
                "select instalment_id::text from contractflow.stripe_refund where contract_id ="
                    + " ?::uuid order by refund_id",
                String.class,
                contractId))
        .containsExactly(first, second);
    // the first refund was asked twice (the failed attempt and its retry), each time with its key
    var firstRequests =
        VendorStubs.server()
            .findAll(
                postRequestedFor(urlEqualTo("/stripe/v1/refunds"))
                    .withRequestBody(containing("payment_intent=pi_rf1" + tag)));
    assertThat(firstRequests).hasSize(2);
    assertThat(firstRequests)
        .allMatch(r -> r.getHeader("Idempotency-Key").equals("contractflow-refund-" + first))
        .allMatch(r -> r.getBodyAsString().contains("amount=250000"));
    assertThat(
            VendorStubs.server()
                .findAll(
                    postRequestedFor(urlEqualTo("/stripe/v1/refunds"))
                        .withRequestBody(containing("pi_rf4" + tag))))
        .as("due on the termination day: not refunded")
        .isEmpty();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                jdbc.queryForObject(
                    "select status from contractflow.stripe_invoice where invoice_id = ?",
                    String.class,
                    "in_rf3" + tag),
            "void"::equals);

    // a replay (a retried job, a second termination event) sends nothing and records nothing
    int before = firstRequests.size();
    assertThat(refunds.refund(UUID.fromString(first), "replayed")).isEmpty();
    assertThat(
            VendorStubs.server()
                .findAll(
                    postRequestedFor(urlEqualTo("/stripe/v1/refunds"))
                        .withRequestBody(containing("payment_intent=pi_rf1" + tag))))
        .hasSize(before);
    assertThat(refundRows(contractId)).isEqualTo(2);

    String trail = api.as("rita").get("/api/contracts/" + contractId + "/history?size=100").body();
    assertThat(trail.split("Stripe refund re_rf1" + tag, -1)).hasSize(2);
    assertThat(trail.split("Stripe refund re_rf2" + tag, -1)).hasSize(2);
    assertThat(trail).contains("2500.00 EUR paid for instalment #1").doesNotContain("re_rf4");
    assertThat(api.as("ravi").get("/api/contracts/" + contractId + "/history").status())
        .isEqualTo(404);
  }

  private boolean ofContract(String processInstanceId, String contractId) {
    var instance =
        runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance != null && contractId.equals(instance.getBusinessKey());
  }

  private int refundRows(String contractId) {
    return jdbc.queryForObject(
        "select count(*) from contractflow.stripe_refund where contract_id = ?::uuid",
        Integer.class,
        contractId);
  }

  private void invoice(String contractId, String instalmentId, String invoiceId, String status) {
    jdbc.update(
        "insert into contractflow.stripe_invoice (instalment_id, contract_id, invoice_id, status,"
            + " updated_at) values (?::uuid, ?::uuid, ?, ?, now())",
        instalmentId,
        contractId,
        invoiceId,
        status);
  }

  /**
   * The paid invoice (GET /v1/invoices/{id}) and its one paid payment (GET /v1/invoice_payments).
   */
  private void stubPaidInvoice(String invoiceId, String paymentIntent) {
    VendorStubs.server()
        .stubFor(
            get(urlEqualTo("/stripe/v1/invoices/" + invoiceId))
                .withHeader("Authorization", equalTo("Bearer " + VendorStubs.STRIPE_API_KEY))
                .willReturn(json(invoiceJson(invoiceId, "paid"))));
    long now = Instant.now(clock).getEpochSecond();
    VendorStubs.server()
        .stubFor(
            get(urlPathEqualTo("/stripe/v1/invoice_payments"))
                .withQueryParam("invoice", equalTo(invoiceId))
                .withQueryParam("status", equalTo("paid"))
                .willReturn(
                    json(
                        """
                        {"object": "list", "url": "/v1/invoice_payments", "has_more": false,
                         "data": [{"id": "inpay_%s", "object": "invoice_payment",
                           "amount_paid": 250000, "amount_requested": 250000, "created": %d,
                           "currency": "eur", "invoice": "%s", "is_default": true,
                           "livemode": false,
                           "payment": {"type": "payment_intent", "payment_intent": "%s"},
                           "status": "paid",
                           "status_transitions": {"canceled_at": null, "paid_at": %d}}]}"""
                            .formatted(invoiceId, now, invoiceId, paymentIntent, now))));
  }

  private String refundJson(String refundId, String paymentIntent, String instalmentId) {
    return """
        {"id": "%s", "object": "refund", "amount": 250000, "balance_transaction": "txn_%s",
         "charge": "ch_%s", "created": %d, "currency": "eur",
         "metadata": {"instalmentId": "%s"}, "payment_intent": "%s",
         "reason": "requested_by_customer", "receipt_number": null,
         "source_transfer_reversal": null, "status": "succeeded", "transfer_reversal": null}"""
        .formatted(
            refundId,
            refundId,
            refundId,
            Instant.now(clock).getEpochSecond(),
            instalmentId,
            paymentIntent);
  }

  private static String invoiceJson(String invoice, String status) {
    return """
        {"id": "%s", "object": "invoice", "status": "%s", "amount_due": 250000,
         "amount_paid": %d, "currency": "eur", "collection_method": "send_invoice",
         "livemode": false}"""
        .formatted(invoice, status, status.equals("paid") ? 250000 : 0);
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  private void sign(String id) {
    submitAndSign("rita", id);
    // the term has started (its process waits for the end date or a termination)
    await()
        .atMost(PATIENCE)
        .until(
            () -> api.as("rita").get("/api/contracts/" + id + "/process").json(),
            p ->
                p.get("status").asText().equals("ACTIVE")
                    && p.get("phase").asText().equals("Active term"));
  }
}

package io.contractflow.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.VendorStubs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stripe's webhook against the stub of its API: a delivery is verified by its Stripe-Signature
 * header (Stripe's documented scheme: {@code t=<unix time>,v1=<HMAC-SHA256 of "t.body">}) with any
 * configured secret; a forged or stale one is refused and changes nothing; each event is applied
 * once, and the invoice is re-read from the API, so replayed and reordered events are harmless.
 */
class StripeWebhookIT extends IntegrationTest {

  @Autowired private JdbcTemplate jdbc;

  private String invoiceId;
  private UUID instalmentId;

  @BeforeEach
  void anIssuedInvoice() {
    String contractId = createContract("rita").get("id").asText();
    ObjectNode payment = JSON.createObjectNode();
    payment.put("kind", "PAYMENT").put("title", "Licence fee");
    payment.putObject("owner").put("type", "USER").put("id", "rita");
    payment.put("owedBy", "COUNTERPARTY").put("schedule", "ONE_OFF");
    payment.put("firstDue", today().plusDays(10).toString());
    payment.putObject("amount").put("amount", 1200).put("currency", "EUR");
    var added = api.as("rita").post("/api/contracts/" + contractId + "/obligations", payment);
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    instalmentId = UUID.fromString(added.json().get("instalments").get(0).get("id").asText());
    invoiceId = "in_it" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    jdbc.update(
        "insert into contractflow.stripe_invoice (instalment_id, contract_id, invoice_id, status,"
            + " updated_at) values (?, ?, ?, 'open', now())",
        instalmentId,
        UUID.fromString(contractId),
        invoiceId);
    stubInvoice("open");
  }

  /** The invoice as Stripe's API returns it (GET /v1/invoices/{id}), in the given status. */
  private void stubInvoice(String status) {
    VendorStubs.server()
        .stubFor(
            get(urlEqualTo("/stripe/v1/invoices/" + invoiceId))
                .withHeader("Authorization", equalTo("Bearer " + VendorStubs.STRIPE_API_KEY))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            """
                            {"id": "%s", "object": "invoice", "status": "%s",
                             "amount_due": 120000, "amount_paid": %d, "currency": "eur",
                             "customer": "cus_it123", "livemode": false,
                             "metadata": {"instalmentId": "%s"}}"""
                                .formatted(
                                    invoiceId,
                                    status,
                                    status.equals("paid") ? 120000 : 0,
                                    instalmentId))));
  }

  /** An event as Stripe sends it: its id, type and the object (only the invoice's id counts). */
  private String event(String id, String type, String status) {
    return """
        {"id": "%s", "object": "event", "api_version": "2025-10-29.clover", "created": %d,
         "livemode": false, "pending_webhooks": 1, "type": "%s",
         "data": {"object": {"id": "%s", "object": "invoice", "status": "%s"}}}"""
        .formatted(id, Instant.now(clock).getEpochSecond(), type, invoiceId, status);
  }

  private static String signature(String secret, long timestamp, String payload) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String v1 =
        HexFormat.of()
            .formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
    return "t=" + timestamp + ",v1=" + v1;
  }

  private HttpResponse<String> deliver(String payload, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/webhooks/stripe"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private long now() {
    return Instant.now(clock).getEpochSecond();
  }

  private String invoiceStatus() {
    return jdbc.queryForObject(
        "select status from contractflow.stripe_invoice where invoice_id = ?",
        String.class,
        invoiceId);
  }

  private int eventsStored(String id) {
    return jdbc.queryForObject(
        "select count(*) from contractflow.stripe_event where id = ?", Integer.class, id);
  }

  @Test
  void forgedUnsignedAndStaleDeliveriesAreRefusedAndChangeNothing() throws Exception {
    stubInvoice("paid");
    String id = "evt_it" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String payload = event(id, "invoice.paid", "paid");

    assertThat(deliver(payload, null).statusCode()).isEqualTo(400);
    assertThat(deliver(payload, signature("whsec_forged", now(), payload)).statusCode())
        .isEqualTo(400);
    String tampered = payload.replace("\"livemode\": false", "\"livemode\": true ");
    assertThat(
            deliver(tampered, signature(VendorStubs.STRIPE_WEBHOOK_SECRET_NEW, now(), payload))
                .statusCode())
        .as("a body changed after signing")
        .isEqualTo(400);
    HttpResponse<String> stale =
        deliver(payload, signature(VendorStubs.STRIPE_WEBHOOK_SECRET_NEW, now() - 600, payload));
    assertThat(stale.statusCode()).as("signed ten minutes ago: past the tolerance").isEqualTo(400);
    assertThat(stale.body()).contains("signature");

    assertThat(eventsStored(id)).isZero();
    assertThat(invoiceStatus()).isEqualTo("open");
    VendorStubs.server().verify(0, getRequestedFor(urlEqualTo("/stripe/v1/invoices/" + invoiceId)));
  }

  @Test
  void anEventIsAppliedOnceFromTheInvoiceAsTheApiTellsIt() throws Exception {
    // the body claims paid, the API says still open: nothing is marked paid
    String early = "evt_it" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String earlyPayload = event(early, "invoice.paid", "paid");
    HttpResponse<String> first =
        deliver(
            earlyPayload, signature(VendorStubs.STRIPE_WEBHOOK_SECRET_OLD, now(), earlyPayload));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(invoiceStatus()).isEqualTo("open");

    // paid now, signed with the new secret (rotation): applied
    stubInvoice("paid");
    String paid = "evt_it" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String paidPayload = event(paid, "invoice.paid", "paid");
    String signed = signature(VendorStubs.STRIPE_WEBHOOK_SECRET_NEW, now(), paidPayload);
    HttpResponse<String> applied = deliver(paidPayload, signed);
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
    assertThat(applied.body()).contains("APPLIED");
    assertThat(invoiceStatus()).isEqualTo("paid");

    // replayed: once only
    HttpResponse<String> replayed = deliver(paidPayload, signed);
    assertThat(replayed.statusCode()).isEqualTo(200);
    assertThat(replayed.body()).contains("DUPLICATE");
    assertThat(eventsStored(paid)).isEqualTo(1);

    // an older event arriving late (finalized, still open in its body): the invoice stays paid
    String late = "evt_it" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String latePayload = event(late, "invoice.finalized", "open");
    HttpResponse<String> reordered =
        deliver(latePayload, signature(VendorStubs.STRIPE_WEBHOOK_SECRET_NEW, now(), latePayload));
    assertThat(reordered.statusCode()).isEqualTo(200);
    assertThat(reordered.body()).contains("IGNORED");
    assertThat(invoiceStatus()).isEqualTo("paid");
  }
}

package io.contractflow.payment;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import io.contractflow.counterparty.Counterparty;
import io.contractflow.counterparty.CounterpartyService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Stripe invoices for instalments the counterparty owes: the counterparty's Stripe customer (made
 * once, its billing contact the counterparty's contact address), one invoice per instalment with
 * its item, finalised and sent by Stripe to the customer. Every create carries an idempotency key
 * made from the instalment (or counterparty), so a retried step never makes a second invoice.
 * Called by the engine's asynchronous steps, whose retries and incidents handle Stripe being down.
 */
@Service
public class StripeInvoices {

  private final StripeClient stripe;
  private final StripeProperties properties;
  private final CounterpartyService counterparties;
  private final JdbcClient jdbc;
  private final Clock clock;

  StripeInvoices(
      StripeClient stripe,
      StripeProperties properties,
      CounterpartyService counterparties,
      JdbcClient jdbc,
      Clock clock) {
    this.stripe = stripe;
    this.properties = properties;
    this.counterparties = counterparties;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Whether payments by Stripe are configured. */
  public boolean enabled() {
    return properties.enabled();
  }

  /** What one instalment's invoice is for. */
  public record Instalment(
      UUID instalmentId,
      UUID contractId,
      String contractReference,
      UUID counterpartyId,
      String description,
      BigDecimal amount,
      String currency,
      Instant dueAt) {}

  /**
   * Issues the instalment's invoice (or finds the one issued before) and sends it; returns its id.
   */
  public String issue(Instalment instalment) throws StripeException {
    Optional<String> issued =
        jdbc.sql("select invoice_id from contractflow.stripe_invoice where instalment_id = ?")
            .param(instalment.instalmentId())
            .query(String.class)
            .optional();
    String customer = customer(instalment.counterpartyId());
    String key = "contractflow-instalment-" + instalment.instalmentId();
    Invoice invoice;
    if (issued.isPresent()) {
      invoice = stripe.invoices().retrieve(issued.get());
    } else {
      InvoiceCreateParams.Builder params =
          InvoiceCreateParams.builder()
              .setCustomer(customer)
              .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
              .setCurrency(instalment.currency().toLowerCase(Locale.ROOT))
              .setAutoAdvance(false)
              .setDescription(instalment.contractReference() + ": " + instalment.description())
              .putMetadata("instalmentId", instalment.instalmentId().toString())
              .putMetadata("contractId", instalment.contractId().toString());
      if (instalment.dueAt().isAfter(clock.instant())) {
        params.setDueDate(instalment.dueAt().getEpochSecond());
      } else {
        params.setDaysUntilDue((long) properties.daysUntilDue());
      }
      invoice = stripe.invoices().create(params.build(), idempotent(key + "-invoice"));
      jdbc.sql(
              "insert into contractflow.stripe_invoice (instalment_id, contract_id, invoice_id,"
                  + " status, updated_at) values (?, ?, ?, ?, ?) on conflict do nothing")
          .params(
              instalment.instalmentId(),
              instalment.contractId(),
              invoice.getId(),
              invoice.getStatus(),
              Timestamp.from(clock.instant()))
          .update();
    }
    if ("draft".equals(invoice.getStatus())) {
      stripe
          .invoiceItems()
          .create(
              InvoiceItemCreateParams.builder()
                  .setCustomer(customer)
                  .setInvoice(invoice.getId())
                  .setAmount(minorUnits(instalment.amount(), instalment.currency()))
                  .setCurrency(instalment.currency().toLowerCase(Locale.ROOT))
                  .setDescription(instalment.description())
                  .build(),
              idempotent(key + "-item"));
      invoice = stripe.invoices().finalizeInvoice(invoice.getId(), idempotent(key + "-finalize"));
    }
    if ("open".equals(invoice.getStatus())) {
      invoice = stripe.invoices().sendInvoice(invoice.getId(), idempotent(key + "-send"));
    }
    jdbc.sql(
            "update contractflow.stripe_invoice set status = ?, updated_at = ?"
                + " where invoice_id = ? and status <> 'paid'")
        .params(invoice.getStatus(), Timestamp.from(clock.instant()), invoice.getId())
        .update();
    return invoice.getId();
  }

  /** Voids the instalment's invoice if it is still open (the contract ended); true if voided. */
  public boolean voidOpen(UUID instalmentId) throws StripeException {
    Optional<String> issued =
        jdbc.sql(
                "select invoice_id from contractflow.stripe_invoice where instalment_id = ?"
                    + " and status in ('draft', 'open')")
            .param(instalmentId)
            .query(String.class)
            .optional();
    if (issued.isEmpty()) {
      return false;
    }
    Invoice invoice = stripe.invoices().retrieve(issued.get());
    if (!"open".equals(invoice.getStatus())) {
      return false;
    }
    Invoice voided =
        stripe
            .invoices()
            .voidInvoice(invoice.getId(), idempotent("contractflow-void-" + instalmentId));
    jdbc.sql(
            "update contractflow.stripe_invoice set status = ?, updated_at = ? where invoice_id = ?")
        .params(voided.getStatus(), Timestamp.from(clock.instant()), invoice.getId())
        .update();
    return true;
  }

  /** The open invoices, oldest first, for the polling fallback. */
  List<StripeEvents.Known> open(int limit) {
    return jdbc.sql(
            "select instalment_id, contract_id, invoice_id, status from contractflow.stripe_invoice"
                + " where status = 'open' order by updated_at limit ?")
        .param(limit)
        .query(
            (rs, n) ->
                new StripeEvents.Known(
                    rs.getObject("instalment_id", UUID.class),
                    rs.getObject("contract_id", UUID.class),
                    rs.getString("invoice_id"),
                    rs.getString("status")))
        .list();
  }

  private String customer(UUID counterpartyId) throws StripeException {
    Optional<String> known =
        jdbc.sql("select customer_id from contractflow.stripe_customer where counterparty_id = ?")
            .param(counterpartyId)
            .query(String.class)
            .optional();
    if (known.isPresent()) {
      return known.get();
    }
    Counterparty counterparty =
        counterparties
            .find(counterpartyId)
            .orElseThrow(() -> new IllegalStateException("No counterparty " + counterpartyId));
    Customer created =
        stripe
            .customers()
            .create(
                CustomerCreateParams.builder()
                    .setName(counterparty.getName())
                    .setEmail(counterparty.getContactEmail())
                    .putMetadata("counterpartyId", counterpartyId.toString())
                    .build(),
                idempotent("contractflow-customer-" + counterpartyId));
    jdbc.sql(
            "insert into contractflow.stripe_customer (counterparty_id, customer_id) values (?, ?)"
                + " on conflict do nothing")
        .params(counterpartyId, created.getId())
        .update();
    return created.getId();
  }

  static long minorUnits(BigDecimal amount, String currency) {
    int digits = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
    return amount.movePointRight(Math.max(digits, 0)).longValueExact();
  }

  private static RequestOptions idempotent(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }
}

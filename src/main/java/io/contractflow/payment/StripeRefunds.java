package io.contractflow.payment;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.RefundCreateParams;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Refunds of instalments paid through Stripe for a period the contract no longer covers (it was
 * terminated before the instalment fell due). The invoice is re-read from Stripe first: only an
 * invoice Stripe reports {@code paid} is refunded, each of its paid payments in full, with an
 * idempotency key made from the instalment, so a retried or replayed refund returns the first
 * refund instead of making a second one; an instalment refunded once ({@code stripe_refund}) is
 * never refunded again. Called by the engine's asynchronous step, whose retries and incident handle
 * Stripe being down.
 */
@Service
public class StripeRefunds {

  private final StripeClient stripe;
  private final StripeProperties properties;
  private final JdbcClient jdbc;
  private final Clock clock;

  StripeRefunds(StripeClient stripe, StripeProperties properties, JdbcClient jdbc, Clock clock) {
    this.stripe = stripe;
    this.properties = properties;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One instalment's refund: what was given back, in minor units of its currency. */
  public record Refunded(
      UUID instalmentId,
      int seq,
      LocalDate dueOn,
      String invoiceId,
      List<String> refundIds,
      long amount,
      String currency) {}

  /**
   * The contract's instalments due after {@code terminatedOn} whose Stripe invoice was paid and
   * that were not refunded yet, in due order. Empty when payments by Stripe are off.
   */
  public List<UUID> refundable(UUID contractId, LocalDate terminatedOn) {
    if (!properties.enabled()) {
      return List.of();
    }
    return jdbc.sql(
            "select i.id from contractflow.obligation_instalment i"
                + " join contractflow.stripe_invoice s on s.instalment_id = i.id"
                + " where i.contract_id = ? and i.due_on > ? and s.status = 'paid'"
                + " and not exists (select 1 from contractflow.stripe_refund r"
                + " where r.instalment_id = i.id) order by i.due_on, i.seq")
        .params(contractId, Date.valueOf(terminatedOn))
        .query(UUID.class)
        .list();
  }

  /**
   * Refunds the instalment's paid invoice in full; empty if it was refunded before or Stripe does
   * not report it paid (nothing to give back).
   */
  public Optional<Refunded> refund(UUID instalmentId, String why) throws StripeException {
    var known =
        jdbc.sql(
                "select s.invoice_id, s.contract_id, i.seq, i.due_on"
                    + " from contractflow.stripe_invoice s"
                    + " join contractflow.obligation_instalment i on i.id = s.instalment_id"
                    + " where s.instalment_id = ?")
            .param(instalmentId)
            .query()
            .listOfRows();
    if (known.isEmpty() || refunded(instalmentId)) {
      return Optional.empty();
    }
    String invoiceId = (String) known.get(0).get("invoice_id");
    UUID contractId = (UUID) known.get(0).get("contract_id");
    Invoice invoice = stripe.invoices().retrieve(invoiceId);
    if (!"paid".equals(invoice.getStatus())) {
      return Optional.empty();
    }
    List<InvoicePayment> payments =
        stripe
            .invoicePayments()
            .list(
                InvoicePaymentListParams.builder()
                    .setInvoice(invoiceId)
                    .setStatus(InvoicePaymentListParams.Status.PAID)
                    .build())
            .getData();
    String key = "contractflow-refund-" + instalmentId;
    List<String> refundIds = new ArrayList<>();
    long total = 0;
    String currency = invoice.getCurrency();
    for (InvoicePayment payment : payments) {
      Long paid = payment.getAmountPaid();
      if (paid == null || paid <= 0 || payment.getPayment() == null) {
        continue;
      }
      RefundCreateParams.Builder params =
          RefundCreateParams.builder()
              .setAmount(paid)
              .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
              .putMetadata("instalmentId", instalmentId.toString())
              .putMetadata("contractId", contractId.toString())
              .putMetadata("invoiceId", invoiceId)
              .putMetadata("why", why.substring(0, Math.min(why.length(), 450)));
      if (payment.getPayment().getPaymentIntent() != null) {
        params.setPaymentIntent(payment.getPayment().getPaymentIntent());
      } else if (payment.getPayment().getCharge() != null) {
        params.setCharge(payment.getPayment().getCharge());
      } else {
        throw new IllegalStateException(
            "Invoice payment "
                + payment.getId()
                + " of invoice "
                + invoiceId
                + " names neither a payment intent nor a charge: refund it in Stripe's dashboard");
      }
      // one key per instalment (and per further payment, for an invoice paid in parts)
      String paymentKey = refundIds.isEmpty() ? key : key + "-" + payment.getId();
      Refund refund = stripe.refunds().create(params.build(), idempotent(paymentKey));
      jdbc.sql(
              "insert into contractflow.stripe_refund (refund_id, instalment_id, contract_id,"
                  + " invoice_id, amount, currency, status, created_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
          .params(
              refund.getId(),
              instalmentId,
              contractId,
              invoiceId,
              refund.getAmount(),
              refund.getCurrency().toUpperCase(Locale.ROOT),
              refund.getStatus() == null ? "unknown" : refund.getStatus(),
              Timestamp.from(clock.instant()))
          .update();
      refundIds.add(refund.getId());
      total += refund.getAmount();
      currency = refund.getCurrency();
    }
    if (refundIds.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Refunded(
            instalmentId,
            ((Number) known.get(0).get("seq")).intValue(),
            ((Date) known.get(0).get("due_on")).toLocalDate(),
            invoiceId,
            List.copyOf(refundIds),
            total,
            currency.toUpperCase(Locale.ROOT)));
  }

  private boolean refunded(UUID instalmentId) {
    return jdbc.sql("select count(*) from contractflow.stripe_refund where instalment_id = ?")
            .param(instalmentId)
            .query(Integer.class)
            .single()
        > 0;
  }

  private static RequestOptions idempotent(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }
}

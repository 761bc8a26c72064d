package io.contractflow.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import io.contractflow.platform.error.UnavailableException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a verified Stripe event once: its id is stored with the effect in one transaction, so a
 * replay changes nothing. The event's body is not trusted for what happened: the invoice is read
 * again from Stripe's API, and only its state there counts, so events arriving out of order or late
 * are harmless (a paid invoice is paid whichever event says so first).
 */
@Service
public class StripeEvents {

  private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);

  /** What became of one delivery. */
  public enum Result {
    APPLIED,
    DUPLICATE,
    IGNORED
  }

  private final JdbcClient jdbc;
  private final StripeClient stripe;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;

  StripeEvents(
      JdbcClient jdbc,
      StripeClient stripe,
      ApplicationEventPublisher events,
      ObjectMapper json,
      Clock clock) {
    this.jdbc = jdbc;
    this.stripe = stripe;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public Result apply(String eventId, String type, String payload) {
    int stored =
        jdbc.sql(
                "insert into contractflow.stripe_event (id, type, received_at) values (?, ?, ?)"
                    + " on conflict (id) do nothing")
            .params(eventId, type, Timestamp.from(clock.instant()))
            .update();
    if (stored == 0) {
      return Result.DUPLICATE;
    }
    String invoiceId = invoiceIdOf(type, payload);
    if (invoiceId == null) {
      return Result.IGNORED;
    }
    Optional<Known> known = known(invoiceId);
    if (known.isEmpty()) {
      log.info("Stripe event {} ({}) names invoice {}, not one of ours", eventId, type, invoiceId);
      return Result.IGNORED;
    }
    return switch (type) {
      case "invoice.paid", "invoice.payment_succeeded" -> refresh(known.get());
      case "invoice.payment_failed", "charge.dispute.created" -> {
        events.publishEvent(
            new PaymentProblem(
                known.get().contractId(), known.get().instalmentId(), invoiceId, type));
        yield Result.APPLIED;
      }
      default -> refresh(known.get());
    };
  }

  /**
   * Reads the invoice from Stripe and records its status; the first time it is seen paid, {@link
   * InvoicePaid} is published. Also the polling fallback's step.
   */
  @Transactional
  public Result refresh(Known invoice) {
    Invoice current;
    try {
      current = stripe.invoices().retrieve(invoice.invoiceId());
    } catch (StripeException e) {
      throw new UnavailableException(
          "stripe-unavailable", "Stripe did not answer for invoice " + invoice.invoiceId());
    }
    String status = current.getStatus();
    int changed =
        jdbc.sql(
                "update contractflow.stripe_invoice set status = ?, updated_at = ?"
                    + " where invoice_id = ? and status <> 'paid'")
            .params(status, Timestamp.from(clock.instant()), invoice.invoiceId())
            .update();
    if (changed == 1 && "paid".equals(status)) {
      events.publishEvent(
          new InvoicePaid(invoice.contractId(), invoice.instalmentId(), invoice.invoiceId()));
      return Result.APPLIED;
    }
    return changed == 1 ? Result.APPLIED : Result.IGNORED;
  }

  /** An invoice the platform issued for an instalment. */
  public record Known(UUID instalmentId, UUID contractId, String invoiceId, String status) {}

  Optional<Known> known(String invoiceId) {
    return jdbc.sql(
            "select instalment_id, contract_id, invoice_id, status from contractflow.stripe_invoice"
                + " where invoice_id = ?")
        .param(invoiceId)
        .query(
            (rs, n) ->
                new Known(
                    rs.getObject("instalment_id", UUID.class),
                    rs.getObject("contract_id", UUID.class),
                    rs.getString("invoice_id"),
                    rs.getString("status")))
        .optional();
  }

  /** The invoice an event is about: the object itself, or a charge's or dispute's invoice. */
  private String invoiceIdOf(String type, String payload) {
    try {
      JsonNode object = json.readTree(payload).path("data").path("object");
      if (type.startsWith("invoice.")) {
        return object.path("id").asText(null);
      }
      if (type.startsWith("charge.")) {
        JsonNode invoice = object.path("invoice");
        return invoice.isTextual() ? invoice.asText() : null;
      }
      return null;
    } catch (java.io.IOException e) {
      return null;
    }
  }
}

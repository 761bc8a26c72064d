package io.contractflow.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The fallback when Stripe's webhooks cannot reach the platform: every {@code poll-every} the open
 * invoices are read again from Stripe ({@link StripeEvents#refresh}), so a paid one is marked paid
 * all the same, once.
 */
@Component
class OpenInvoicePolling {

  private static final Logger log = LoggerFactory.getLogger(OpenInvoicePolling.class);

  private final StripeInvoices invoices;
  private final StripeEvents events;

  OpenInvoicePolling(StripeInvoices invoices, StripeEvents events) {
    this.invoices = invoices;
    this.events = events;
  }

  @Scheduled(
      fixedDelayString = "${contractflow.payments.stripe.poll-every:PT1H}",
      initialDelayString = "${contractflow.payments.stripe.poll-every:PT1H}")
  void poll() {
    if (!invoices.enabled()) {
      return;
    }
    for (StripeEvents.Known invoice : invoices.open(200)) {
      try {
        events.refresh(invoice);
      } catch (RuntimeException e) {
        log.warn("Could not re-read Stripe invoice {}: {}", invoice.invoiceId(), e.getMessage());
        return;
      }
    }
  }
}

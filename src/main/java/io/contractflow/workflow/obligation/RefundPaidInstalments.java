package io.contractflow.workflow.obligation;

import com.stripe.exception.StripeException;
import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.payment.StripeRefunds;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.EngineClock;
import io.contractflow.workflow.LifecycleProperties;
import io.contractflow.workflow.ProcessVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Refund paid instalments" (contract closure, after the contract is terminated): each instalment
 * paid through Stripe whose period lies after the termination date (it falls due after that day, so
 * it paid for time the contract no longer covers) is refunded in full, and the refund is in the
 * contract's history. Unpaid invoices are voided by the instalments' own processes. Its own job: a
 * failure of Stripe is retried, then an incident; the refunds made before the failure are made
 * again with the same idempotency keys, so Stripe returns them instead of refunding twice.
 */
@Component("refundPaidInstalments")
class RefundPaidInstalments implements JavaDelegate {

  static final String REFUNDED = "refundedInstalments";

  private final StripeRefunds refunds;
  private final AuditTrail audit;
  private final LifecycleProperties properties;

  RefundPaidInstalments(StripeRefunds refunds, AuditTrail audit, LifecycleProperties properties) {
    this.refunds = refunds;
    this.audit = audit;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) throws StripeException {
    UUID contractId = ProcessVariables.contractId(execution);
    LocalDate terminatedOn = LocalDate.ofInstant(EngineClock.now(), properties.zone());
    int refunded = 0;
    for (UUID instalmentId : refunds.refundable(contractId, terminatedOn)) {
      var done = refunds.refund(instalmentId, "contract terminated on " + terminatedOn);
      if (done.isEmpty()) {
        continue;
      }
      StripeRefunds.Refunded refund = done.get();
      refunded++;
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("event", "REFUNDED");
      details.put("instalmentId", refund.instalmentId());
      details.put("seq", refund.seq());
      details.put("dueOn", refund.dueOn().toString());
      details.put("invoiceId", refund.invoiceId());
      details.put("refundIds", refund.refundIds());
      details.put("amount", refund.amount());
      details.put("currency", refund.currency());
      details.put("terminatedOn", terminatedOn.toString());
      audit.record(
          contractId,
          Actors.SYSTEM,
          AuditKinds.OBLIGATION,
          "Stripe refund "
              + String.join(", ", refund.refundIds())
              + " of invoice "
              + refund.invoiceId()
              + ": "
              + major(refund.amount(), refund.currency())
              + " "
              + refund.currency()
              + " paid for instalment #"
              + refund.seq()
              + " (due "
              + refund.dueOn()
              + "), after the termination on "
              + terminatedOn,
          details);
    }
    execution.setVariable(REFUNDED, refunded);
  }

  private static String major(long minor, String currency) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return BigDecimal.valueOf(minor, digits).toPlainString();
  }
}

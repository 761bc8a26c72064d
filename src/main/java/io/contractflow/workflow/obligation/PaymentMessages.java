package io.contractflow.workflow.obligation;

import io.contractflow.payment.InvoicePaid;
import io.contractflow.payment.PaymentProblem;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stripe's news to the instalment's process, in the transaction that applied the event: paid
 * (InvoicePaid ends it), or a failed or disputed payment (PaymentProblem gives the owner a task).
 * An instalment no longer waiting (settled or waived) is left alone.
 */
@Component
class PaymentMessages {

  private static final Logger log = LoggerFactory.getLogger(PaymentMessages.class);

  private final RuntimeService runtime;

  PaymentMessages(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @EventListener
  void onPaid(InvoicePaid paid) {
    int reached =
        runtime
            .createMessageCorrelation(ObligationVariables.MESSAGE_INVOICE_PAID)
            .processInstanceBusinessKey(paid.contractId().toString())
            .processInstanceVariableEquals(
                ObligationVariables.INSTALMENT_ID, paid.instalmentId().toString())
            .correlateAllWithResult()
            .size();
    if (reached == 0) {
      log.info(
          "Invoice {} paid; instalment {} waits for no payment",
          paid.invoiceId(),
          paid.instalmentId());
    }
  }

  @EventListener
  void onProblem(PaymentProblem problem) {
    runtime
        .createMessageCorrelation(ObligationVariables.MESSAGE_PAYMENT_PROBLEM)
        .processInstanceBusinessKey(problem.contractId().toString())
        .processInstanceVariableEquals(
            ObligationVariables.INSTALMENT_ID, problem.instalmentId().toString())
        .setVariable(
            ObligationVariables.PAYMENT_PROBLEM,
            problem.what() + " (invoice " + problem.invoiceId() + ")")
        .correlateAllWithResult();
  }
}

package io.contractflow.workflow.obligation;

import io.contractflow.obligation.InstalmentStatus;
import io.contractflow.obligation.Obligations;
import io.contractflow.workflow.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record payment": the instalment's Stripe invoice is paid (the InvoicePaid message, sent only
 * after the invoice was read again from Stripe's API): met on time by the end of the due date on
 * the engine's clock, else met late.
 */
@Component("recordPayment")
class RecordPayment implements JavaDelegate {

  private final Obligations obligations;

  RecordPayment(Obligations obligations) {
    this.obligations = obligations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Obligations.Due due = InstalmentOf.read(obligations, execution);
    InstalmentStatus settled =
        obligations.settle(
            due.instalment().id(),
            outcome(execution),
            "stripe",
            null,
            "paid: Stripe invoice " + execution.getVariable(ObligationVariables.STRIPE_INVOICE_ID));
    execution.setVariable(ObligationVariables.OUTCOME, settled.name());
  }

  static InstalmentStatus outcome(DelegateExecution execution) {
    Date dueAt = (Date) execution.getVariable(ObligationVariables.DUE_AT);
    return EngineClock.now().isAfter(dueAt.toInstant())
        ? InstalmentStatus.MET_LATE
        : InstalmentStatus.MET_ON_TIME;
  }
}

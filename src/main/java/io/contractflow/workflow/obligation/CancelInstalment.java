package io.contractflow.workflow.obligation;

import com.stripe.exception.StripeException;
import io.contractflow.obligation.InstalmentStatus;
import io.contractflow.obligation.Obligations;
import io.contractflow.payment.StripeInvoices;
import io.contractflow.workflow.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Cancel instalment": the contract ended while the instalment was open; its Stripe invoice, if one
 * is open, is voided, and it is cancelled.
 */
@Component("cancelInstalment")
class CancelInstalment implements JavaDelegate {

  private final Obligations obligations;
  private final StripeInvoices stripe;

  CancelInstalment(Obligations obligations, StripeInvoices stripe) {
    this.obligations = obligations;
    this.stripe = stripe;
  }

  @Override
  public void execute(DelegateExecution execution) throws StripeException {
    Obligations.Due due = InstalmentOf.read(obligations, execution);
    stripe.voidOpen(due.instalment().id());
    InstalmentStatus settled =
        obligations.settle(
            due.instalment().id(),
            InstalmentStatus.CANCELLED,
            Actors.SYSTEM,
            null,
            "the contract ended");
    execution.setVariable(ObligationVariables.OUTCOME, settled.name());
  }
}

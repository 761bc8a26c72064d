package io.contractflow.workflow.obligation;

import com.stripe.exception.StripeException;
import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.obligation.Obligation;
import io.contractflow.obligation.Obligations;
import io.contractflow.payment.StripeInvoices;
import io.contractflow.workflow.Actors;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Issue Stripe invoice": the counterparty's customer, the instalment's invoice and item, finalised
 * and sent by Stripe (idempotent per instalment, so the job's retries make no second invoice). A
 * failure of Stripe fails the job: retried, then an incident.
 */
@Component("issueStripeInvoice")
class IssueStripeInvoice implements JavaDelegate {

  private final Obligations obligations;
  private final ContractTransitions contracts;
  private final StripeInvoices stripe;
  private final AuditTrail audit;

  IssueStripeInvoice(
      Obligations obligations,
      ContractTransitions contracts,
      StripeInvoices stripe,
      AuditTrail audit) {
    this.obligations = obligations;
    this.contracts = contracts;
    this.stripe = stripe;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) throws StripeException {
    Obligations.Due due = InstalmentOf.read(obligations, execution);
    Obligation obligation = due.obligation();
    ContractResponse contract = contracts.current(due.instalment().contractId());
    Date dueAt = (Date) execution.getVariable(ObligationVariables.DUE_AT);
    String invoiceId =
        stripe.issue(
            new StripeInvoices.Instalment(
                due.instalment().id(),
                contract.id(),
                contract.reference(),
                contract.counterparty().id(),
                obligation.title()
                    + " ("
                    + due.instalment().seq()
                    + ", due "
                    + due.instalment().dueOn()
                    + ")",
                obligation.amount(),
                obligation.currency(),
                dueAt.toInstant()));
    execution.setVariable(ObligationVariables.STRIPE_INVOICE_ID, invoiceId);
    audit.record(
        contract.id(),
        Actors.SYSTEM,
        AuditKinds.OBLIGATION,
        "Stripe invoice "
            + invoiceId
            + " sent for \""
            + obligation.title()
            + "\" #"
            + due.instalment().seq()
            + ": "
            + obligation.amount().toPlainString()
            + " "
            + obligation.currency(),
        Map.of(
            "event",
            "INVOICE_SENT",
            "instalmentId",
            due.instalment().id(),
            "invoiceId",
            invoiceId));
  }
}

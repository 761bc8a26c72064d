package io.contractflow.workflow.obligation;

import io.contractflow.obligation.Obligation;
import io.contractflow.obligation.ObligationKind;
import io.contractflow.obligation.Obligations;
import io.contractflow.obligation.OwedBy;
import io.contractflow.obligation.OwnerType;
import io.contractflow.payment.StripeInvoices;
import io.contractflow.workflow.LifecycleProperties;
import io.contractflow.workflow.ModelledDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Plan instalment": reads the instalment and its obligation and sets what the process waits for
 * and who works it. The lead time of the reminder and the grace before escalation are the model's
 * input parameters ({@code reminderLeadTime}, {@code escalateAfter}).
 */
@Component("planInstalment")
class PlanInstalment implements JavaDelegate {

  static final Duration DEFAULT_LEAD_TIME = Duration.ofDays(7);
  static final Duration DEFAULT_OVERDUE_GRACE = Duration.ofDays(3);

  private final Obligations obligations;
  private final LifecycleProperties properties;
  private final StripeInvoices stripe;

  PlanInstalment(Obligations obligations, LifecycleProperties properties, StripeInvoices stripe) {
    this.obligations = obligations;
    this.properties = properties;
    this.stripe = stripe;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Obligations.Due due = InstalmentOf.read(obligations, execution);
    Obligation obligation = due.obligation();
    Duration lead =
        ModelledDuration.of(
            execution, null, ObligationVariables.REMINDER_LEAD_TIME, DEFAULT_LEAD_TIME);
    Duration grace =
        ModelledDuration.of(
            execution, null, ObligationVariables.OVERDUE_GRACE, DEFAULT_OVERDUE_GRACE);
    Instant dueStarts = due.instalment().dueOn().atStartOfDay(properties.zone()).toInstant();
    Instant dueAt =
        due.instalment().dueOn().plusDays(1).atStartOfDay(properties.zone()).toInstant();
    boolean byUser = obligation.ownerType() == OwnerType.USER;
    List<String> groups = new ArrayList<>();
    if (!byUser) {
      groups.add(obligation.ownerId());
    }
    execution.setVariable(ObligationVariables.REMINDER_AT, Date.from(dueStarts.minus(lead)));
    execution.setVariable(ObligationVariables.DUE_AT, Date.from(dueAt));
    execution.setVariable(ObligationVariables.ESCALATION_AT, Date.from(dueAt.plus(grace)));
    execution.setVariable(
        ObligationVariables.OBLIGATION_OWNER, byUser ? obligation.ownerId() : null);
    execution.setVariable(ObligationVariables.OBLIGATION_GROUPS, groups);
    execution.setVariable(ObligationVariables.ESCALATION_GROUP, obligation.escalationGroup());
    execution.setVariable(
        ObligationVariables.COLLECT_BY_STRIPE,
        stripe.enabled()
            && obligation.kind() == ObligationKind.PAYMENT
            && obligation.owedBy() == OwedBy.COUNTERPARTY
            && obligation.amount() != null);
    execution.setVariable(ObligationVariables.OBLIGATION_TITLE, obligation.title());
    execution.setVariable(ObligationVariables.INSTALMENT_DUE, due.instalment().dueOn().toString());
    execution.setVariable(
        ObligationVariables.OBLIGATION_AMOUNT,
        obligation.amount() == null
            ? "-"
            : obligation.amount().toPlainString() + " " + obligation.currency());
  }
}

package io.contractflow.workflow.obligation;

import io.contractflow.workflow.NotInModels;
import io.contractflow.workflow.ValuesOf;

/**
 * The names the instalment process ({@code processes/obligation.bpmn}, form {@code
 * record-fulfilment}) and its Java share: the one place for them.
 */
public final class ObligationVariables {

  /** The process of one instalment. */
  @NotInModels("the process's key")
  public static final String PROCESS_KEY = "obligation";

  /** The role ({@code contractflow.role}) of the owner's task to record the fulfilment. */
  public static final String ROLE_RECORD_FULFILMENT = "record-fulfilment";

  /** An admin waived the instalment ({@link #WAIVED_BY}, {@link #WAIVER_REASON}). */
  public static final String MESSAGE_WAIVED = "InstalmentWaived";

  /** The contract expired, was terminated or cancelled: open instalments are cancelled. */
  public static final String MESSAGE_CONTRACT_ENDED = "ObligationContractEnded";

  /** The instalment the process runs (set when it starts; the delegates read it from here). */
  @NotInModels("set at the start, read by the delegates")
  public static final String INSTALMENT_ID = "instalmentId";

  /**
   * How long before the due date the owner is reminded: an input parameter of "Plan instalment".
   */
  public static final String REMINDER_LEAD_TIME = "reminderLeadTime";

  /** How long after the due date an open instalment is escalated: an input of "Plan instalment". */
  public static final String OVERDUE_GRACE = "overdueGrace";

  public static final String REMINDER_AT = "reminderAt";

  /** The end of the due date: the task's due date; met later is met late. */
  public static final String DUE_AT = "dueAt";

  public static final String ESCALATION_AT = "escalationAt";

  /** The user who records the fulfilment (null when a group does). */
  public static final String OBLIGATION_OWNER = "obligationOwner";

  /** The groups whose members may record it (empty when a user does). */
  public static final String OBLIGATION_GROUPS = "obligationGroups";

  /** Who hears when the instalment is overdue. */
  @NotInModels("read by the escalation step")
  public static final String ESCALATION_GROUP = "escalationGroup";

  /** What the obligation is, for the form. */
  public static final String OBLIGATION_TITLE = "obligationTitle";

  /** The due date in words, for the form. */
  public static final String INSTALMENT_DUE = "instalmentDue";

  /** The amount of a payment in words ("2500.00 EUR"), or "-". */
  public static final String OBLIGATION_AMOUNT = "obligationAmount";

  /** The owner's answer on the form: MET or MISSED. */
  @ValuesOf(FulfilmentDecision.class)
  public static final String FULFILMENT = "fulfilment";

  /** The version of the contract's documents the owner gives as evidence. */
  public static final String EVIDENCE_VERSION = "evidenceVersion";

  /** The admin who waived it, set with the InstalmentWaived message. */
  @NotInModels("set with the waiver message")
  public static final String WAIVED_BY = "waivedBy";

  @NotInModels("set with the waiver message")
  public static final String WAIVER_REASON = "waiverReason";

  /** How the instalment ended (an obligation.InstalmentStatus), for Cockpit. */
  @NotInModels("set by the steps that settle it, for Cockpit")
  public static final String OUTCOME = "obligationOutcome";

  /**
   * How the contract's obligations went this term in words, set by "Summarise obligations" in the
   * active term before the renewal decision, which shows it.
   */
  public static final String OBLIGATION_RECORD = "obligationRecord";

  /** Whether the instalment is invoiced through Stripe (a payment the counterparty owes). */
  public static final String COLLECT_BY_STRIPE = "collectByStripe";

  /** Stripe reports (and its API confirms) the instalment's invoice paid. */
  public static final String MESSAGE_INVOICE_PAID = "InvoicePaid";

  /** Stripe reports a failed payment or a dispute of the instalment's invoice. */
  public static final String MESSAGE_PAYMENT_PROBLEM = "PaymentProblem";

  /** The role of the owner's task to follow up a failed or disputed payment. */
  public static final String ROLE_RESOLVE_PAYMENT_PROBLEM = "resolve-payment-problem";

  /** What Stripe reported (invoice.payment_failed, charge.dispute.created), for the form. */
  public static final String PAYMENT_PROBLEM = "paymentProblem";

  /** The Stripe invoice issued for the instalment, for Cockpit. */
  @NotInModels("set by the invoice step, for Cockpit")
  public static final String STRIPE_INVOICE_ID = "stripeInvoiceId";

  private ObligationVariables() {}
}

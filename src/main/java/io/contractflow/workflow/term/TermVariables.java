package io.contractflow.workflow.term;

import io.contractflow.workflow.NotInModels;
import io.contractflow.workflow.ValuesOf;

/**
 * The names the active term ({@code processes/contract-term.bpmn}, form {@code decide-renewal}) and
 * its Java share: the one place for them. The closure reads {@link #OUTCOME}, {@link
 * #TERMINATED_BY} and {@link #TERMINATION_REASON}.
 */
public final class TermVariables {

  /** The role ({@code contractflow.role} property) of the owner's renewal decision task. */
  public static final String ROLE_DECIDE_RENEWAL = "decide-renewal";

  /** The message that ends an active contract early (the API's terminate). */
  public static final String MESSAGE_TERMINATED = "ContractTerminated";

  /** Whether the contract has a fixed term (an end date) to plan. */
  public static final String HAS_END_DATE = "hasEndDate";

  /** The planned term's end date (ISO), which renewing extends once. */
  @NotInModels("makes renewing safe to retry")
  public static final String TERM_ENDS_ON = "termEndsOn";

  /**
   * How long before the notice deadline the owner's renewal decision task appears: an input
   * parameter of "Plan term" (P30D as shipped); the setting {@code
   * contractflow.lifecycle.renewal-lead-time} overrides it.
   */
  public static final String RENEWAL_LEAD_TIME = "renewalLeadTime";

  public static final String ENDS_AT = "endsAt";
  public static final String NOTICE_DEADLINE = "noticeDeadline";

  /** The last day of notice in words, for the renewal form. */
  public static final String NOTICE_DEADLINE_DATE = "noticeDeadlineDate";

  public static final String RENEWAL_DECISION_AT = "renewalDecisionAt";
  public static final String RENEWABLE = "renewable";
  public static final String RENEWAL_TERM_MONTHS = "renewalTermMonths";
  public static final String AUTO_RENEW = "autoRenew";

  /** The owner's decision on the renewal form. */
  @ValuesOf(RenewalDecision.class)
  public static final String RENEWAL_DECISION = "renewalDecision";

  /** Who ended the contract early, set with the ContractTerminated message. */
  public static final String TERMINATED_BY = "terminatedBy";

  public static final String TERMINATION_REASON = "terminationReason";

  /** How the term ended, for the lifecycle and the closure to route on. */
  @ValuesOf(TermOutcome.class)
  public static final String OUTCOME = "termOutcome";

  private TermVariables() {}
}

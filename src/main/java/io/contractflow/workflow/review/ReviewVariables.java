package io.contractflow.workflow.review;

import io.contractflow.workflow.NotInModels;
import io.contractflow.workflow.ValuesOf;

/**
 * The names the review phase ({@code processes/contract-review.bpmn}, the approval matrix, form
 * {@code review-contract}) and its Java share: the one place for them. The review also reads the
 * contract's type ({@code ProcessVariables.CONTRACT_TYPE}) and the drafting's {@code
 * nonStandardTerms} and {@code submittedBy}.
 */
public final class ReviewVariables {

  /**
   * The role ({@code contractflow.role} property) of the user task each approver group works
   * (multi-instance, one per group): four eyes guards it.
   */
  public static final String ROLE_REVIEW = "review";

  /** The contract's value in the base currency: the approval matrix's input. */
  public static final String BASE_VALUE = "baseValue";

  @NotInModels("the currency of baseValue, for Cockpit")
  public static final String BASE_CURRENCY = "baseCurrency";

  /** The contract's value as written (a fact for the approval matrix, see ContractFacts). */
  @NotInModels("a contract fact a designer may add to the approval matrix")
  public static final String CONTRACT_AMOUNT = "contractAmount";

  @NotInModels("a contract fact a designer may add to the approval matrix")
  public static final String CONTRACT_CURRENCY = "contractCurrency";

  /** The contract's tags between commas: {@code ",it,services,"}. */
  @NotInModels("a contract fact a designer may add to the approval matrix")
  public static final String CONTRACT_TAGS = "contractTags";

  /**
   * How long reviewers have (ISO 8601 duration), an input parameter of the model's "Start review"
   * with its default in view; the setting {@code contractflow.lifecycle.review-due} overrides it.
   */
  public static final String REVIEW_DUE_IN = "reviewDueIn";

  /**
   * How long after the due date an open review goes to the contract admins, like {@link
   * #REVIEW_DUE_IN}; the setting {@code contractflow.lifecycle.escalate-after} overrides it.
   */
  public static final String ESCALATE_AFTER = "escalateAfter";

  /**
   * The approval matrix's result: the groups that must approve (the review's multi-instance
   * collection).
   */
  public static final String APPROVER_GROUPS = "approverGroups";

  /** The group one review task is for (the multi-instance element). */
  public static final String APPROVER_GROUP = "approverGroup";

  /** Why the contract went to whom, in words, for the review form. */
  public static final String APPROVAL_ROUTING = "approvalRouting";

  public static final String REVIEW_DUE_DATE = "reviewDueDate";
  public static final String REVIEW_REMINDER_AT = "reviewReminderAt";
  public static final String REVIEW_ESCALATION_AT = "reviewEscalationAt";

  /** The due date in words, for the review form. */
  public static final String REVIEW_DUE = "reviewDue";

  /** A reviewer rejected the contract: the review ends for everyone. */
  public static final String REJECTED = "rejected";

  /** A reviewer requested changes: the review ends for everyone. */
  public static final String CHANGES_REQUESTED = "changesRequested";

  /** One reviewer's decision, local to their task. */
  @ValuesOf(ReviewDecision.class)
  public static final String DECISION = "decision";

  /** How the review ended, for the lifecycle to route on. */
  @ValuesOf(ReviewOutcome.class)
  public static final String OUTCOME = "reviewOutcome";

  private ReviewVariables() {}
}

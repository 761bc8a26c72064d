package io.contractflow.workflow.drafting;

/**
 * The names the drafting phase ({@code processes/contract-drafting.bpmn}, form {@code
 * submit-draft}) sets and Java asks for. Both variables go out to the lifecycle and into the
 * review.
 */
public final class DraftingVariables {

  /**
   * The role ({@code contractflow.role} property) of the user task that submits the draft: the API
   * finds it by this, never by its id.
   */
  public static final String ROLE_SUBMIT_DRAFT = "submit-draft";

  /** Who submitted the draft: the actor of the review's first step. */
  public static final String SUBMITTED_BY = "submittedBy";

  /**
   * The submit form's checkbox: the draft departs from the standard terms (an input of the approval
   * matrix).
   */
  public static final String NON_STANDARD_TERMS = "nonStandardTerms";

  private DraftingVariables() {}
}

package io.contractflow.workflow.retention;

import io.contractflow.workflow.NotInModels;
import io.contractflow.workflow.ValuesOf;

/**
 * The names the retention process ({@code processes/retention.bpmn}, form {@code
 * confirm-retention-deletion}) and its Java share: the one place for them.
 */
public final class RetentionVariables {

  /** The retention process. */
  @NotInModels("the process's key")
  public static final String PROCESS_KEY = "retention";

  /** An admin asked for a run now (besides the schedule). */
  public static final String MESSAGE_RUN_REQUESTED = "RetentionRunRequested";

  /** The task in which an admin confirms or rejects the deletion. */
  public static final String TASK_CONFIRM_DELETION = "Task_ConfirmDeletion";

  /** The contracts past their retention when the run listed them (their ids). */
  @NotInModels("set by the listing step, read by the decision step")
  public static final String DUE_CONTRACTS = "dueContracts";

  /** How many contracts are due. */
  public static final String DUE_COUNT = "dueCount";

  /**
   * What is due, for the form: one line per contract (reference, type, status, ended, months kept,
   * due since); no title or party, since the run's history outlives the contracts.
   */
  public static final String DUE_LIST = "dueList";

  /** The admin's answer on the form: CONFIRM or REJECT. */
  @ValuesOf(RetentionDecision.class)
  public static final String DECISION = "retentionDecision";

  /** References the admin keeps this time (not deleted), separated by commas or spaces. */
  public static final String KEEP_REFERENCES = "keepReferences";

  /** The contracts the confirmed run deletes (ids): the due ones but those kept. */
  public static final String CONTRACTS_TO_DELETE = "contractsToDelete";

  /** How many: 0 when rejected or everything was kept. */
  public static final String DELETE_COUNT = "deleteCount";

  /** The contract one instance of "Delete contract" deletes. */
  public static final String CONTRACT_TO_DELETE = "contractToDelete";

  /** The admin who confirmed (or rejected) the run, from the completed task. */
  @NotInModels("set by the decision step from the completed task, read by the deletion steps")
  public static final String CONFIRMED_BY = "confirmedBy";

  private RetentionVariables() {}
}

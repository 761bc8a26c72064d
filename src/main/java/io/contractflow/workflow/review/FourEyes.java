package io.contractflow.workflow.review;

import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import io.contractflow.workflow.TaskRefusedException;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Four eyes on review tasks: the contract's owner can neither take (claim, be assigned) nor
 * complete a review of their own contract, whichever group they are in. The one implementation of
 * the rule: the model's listener on the review task, and {@link #appliesTo} and {@link
 * #ownsContract} for the API (and through it Tasklist and {@code /engine-rest}), which refuse
 * before the engine is asked. The owner is read from the contract (the process's business key),
 * never from a process variable someone could have changed.
 */
@Component("fourEyes")
public class FourEyes implements TaskListener {

  private final Function<String, String> ownerOfContract;

  @Autowired
  FourEyes(ContractTransitions contracts) {
    this(businessKey -> contracts.current(UUID.fromString(businessKey)).owner());
  }

  /**
   * With another way to learn the owner from the business key (the process tests, which have no
   * contracts).
   */
  FourEyes(Function<String, String> ownerOfContract) {
    this.ownerOfContract = ownerOfContract;
  }

  /** Whether four eyes guards tasks playing this role: the review tasks. */
  public static boolean appliesTo(String role) {
    return ReviewVariables.ROLE_REVIEW.equals(role);
  }

  /**
   * Whether {@code user} owns the contract of the process with this business key (and so may not
   * review it).
   */
  public boolean ownsContract(String businessKey, String user) {
    return user != null && user.equals(owner(businessKey));
  }

  private String owner(String businessKey) {
    return businessKey == null ? null : ownerOfContract.apply(businessKey);
  }

  @Override
  public void notify(DelegateTask task) {
    String owner =
        owner(task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
    if (owner == null) {
      return;
    }
    String acting = Actors.current(task.getProcessEngineServices().getIdentityService(), null);
    boolean ownerAssigned = owner.equals(task.getAssignee());
    boolean ownerActing = EVENTNAME_COMPLETE.equals(task.getEventName()) && owner.equals(acting);
    if (ownerAssigned || ownerActing) {
      throw new TaskRefusedException(
          "Four eyes: "
              + owner
              + " owns contract "
              + ProcessVariables.string(task, ProcessVariables.REFERENCE)
              + " and cannot review it; another member of "
              + ProcessVariables.string(task, ReviewVariables.APPROVER_GROUP)
              + " must");
    }
  }
}

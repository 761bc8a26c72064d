package io.contractflow.workflow.review;

import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.TaskRefusedException;
import io.contractflow.workflow.Variables;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Four eyes on review tasks: the contract's owner can neither take (claim, be assigned) nor complete a review of
 * their own contract, whichever group they are in. Tasklist and the API both refuse with the reason. The owner is
 * read from the contract (the process's business key), never from a process variable someone could have changed.
 */
@Component("fourEyes")
class FourEyes implements TaskListener {

  private final Function<DelegateTask, String> ownerOf;

  @Autowired
  FourEyes(ContractTransitions contracts) {
    this(task -> contracts.current(Variables.contractId(task)).owner());
  }

  /** With another way to learn the owner (the process tests, which have no contracts). */
  FourEyes(Function<DelegateTask, String> ownerOf) {
    this.ownerOf = ownerOf;
  }

  @Override
  public void notify(DelegateTask task) {
    String owner = ownerOf.apply(task);
    if (owner == null) {
      return;
    }
    String acting = Actors.current(task.getProcessEngineServices().getIdentityService(), null);
    boolean ownerAssigned = owner.equals(task.getAssignee());
    boolean ownerActing = owner.equals(acting);
    if (ownerAssigned || (EVENTNAME_COMPLETE.equals(task.getEventName()) && ownerActing)) {
      throw new TaskRefusedException("Four eyes: " + owner + " owns contract " + Variables.string(task, Variables.REFERENCE)
          + " and cannot review it; another member of " + Variables.string(task, "approverGroup") + " must");
    }
  }
}

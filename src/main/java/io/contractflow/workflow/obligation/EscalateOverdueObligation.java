package io.contractflow.workflow.obligation;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.notification.ProcessStepMail;
import io.contractflow.obligation.Obligation;
import io.contractflow.obligation.Obligations;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Escalate overdue obligation": the instalment is still open past its due date and grace. It is
 * marked overdue, the escalation group becomes a candidate of the open task (priority up), its
 * members are mailed, and the escalation is recorded in the contract's history.
 */
@Component("escalateOverdueObligation")
class EscalateOverdueObligation implements JavaDelegate {

  static final int ESCALATED_PRIORITY = 90;

  private final Obligations obligations;
  private final TaskService tasks;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  EscalateOverdueObligation(
      Obligations obligations,
      TaskService tasks,
      AuditTrail audit,
      ApplicationEventPublisher events) {
    this.obligations = obligations;
    this.tasks = tasks;
    this.audit = audit;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Obligations.Due due = InstalmentOf.read(obligations, execution);
    Obligation obligation = due.obligation();
    String group = obligation.escalationGroup();
    obligations.overdue(due.instalment().id());
    for (Task task :
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey("Task_RecordFulfilment")
            .list()) {
      tasks.addCandidateGroup(task.getId(), group);
      tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
    }
    events.publishEvent(
        new ProcessStepMail(
            ProcessVariables.contractId(execution),
            "group",
            group,
            "process-step",
            "Escalated: obligation overdue since " + due.instalment().dueOn(),
            "\""
                + obligation.title()
                + "\" (instalment "
                + due.instalment().seq()
                + ") was due on "
                + due.instalment().dueOn()
                + " and is not recorded as met. Owner: "
                + obligation.ownerId()
                + ".",
            "obligation-escalation:" + due.instalment().id()));
    audit.record(
        ProcessVariables.contractId(execution),
        Actors.SYSTEM,
        AuditKinds.ESCALATION,
        "Obligation \""
            + obligation.title()
            + "\" #"
            + due.instalment().seq()
            + " overdue since "
            + due.instalment().dueOn()
            + ": escalated to "
            + group,
        Map.of("instalmentId", due.instalment().id(), "group", group));
  }
}

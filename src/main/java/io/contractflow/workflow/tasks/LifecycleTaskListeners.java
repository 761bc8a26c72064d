package io.contractflow.workflow.tasks;

import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds the platform's listeners to every user task of every model, so a process designer cannot
 * forget them: the owner read from the contract before a task starts ({@link OwnerFromContract}),
 * the contract's facts when a task is created, and the history entry when it is completed (after
 * the model's own listeners).
 */
@Component
class LifecycleTaskListeners extends AbstractProcessEnginePlugin {

  private final TaskFacts facts;
  private final AnnounceWaitingTask announce;
  private final RecordTaskCompletion completion;
  private final OwnerFromContract owner;

  LifecycleTaskListeners(
      TaskFacts facts,
      AnnounceWaitingTask announce,
      RecordTaskCompletion completion,
      OwnerFromContract owner) {
    this.owner = owner;
    this.facts = facts;
    this.announce = announce;
    this.completion = completion;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new java.util.ArrayList<>()
            : configuration.getCustomPostBPMNParseListeners();
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(
              Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
              return;
            }
            activity.addListener(ExecutionListener.EVENTNAME_START, owner);
            TaskDefinition definition = behavior.getTaskDefinition();
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, facts);
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, announce);
            definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, completion);
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}

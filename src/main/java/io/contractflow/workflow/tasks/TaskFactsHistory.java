package io.contractflow.workflow.tasks;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history as before (level {@code full}) but for one kind of row: the variable-update
 * detail ({@code ACT_HI_DETAIL}) of the facts {@link TaskFacts} copies onto every new task. Each of
 * those is written once, when the task is created, and never changed, so its detail row only
 * repeated what its historic variable ({@code ACT_HI_VARINST}: value, task, time) already holds:
 * twelve rows per task, the most of any table in a create. Their values stay in the history as
 * historic variables; any other variable's creation and every update keep their detail rows.
 */
@Component
class TaskFactsHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutTaskFactDetails());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
    // the engine's own database handler is the one above
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** The engine's database history handler, without the detail of a task fact's creation. */
  static final class WithoutTaskFactDetails extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return !isTaskFactCreated(event) && super.shouldWriteHistoricDetail(event);
    }

    static boolean isTaskFactCreated(HistoricVariableUpdateEventEntity event) {
      return event.getTaskId() != null
          && event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
          && TaskFacts.NAMES.contains(event.getVariableName());
    }
  }
}

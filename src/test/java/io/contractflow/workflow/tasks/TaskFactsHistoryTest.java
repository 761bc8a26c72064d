package io.contractflow.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.Test;

class TaskFactsHistoryTest {

  @Test
  void onlyTheCreationOfATaskFactGoesWithoutItsDetailRow() {
    assertThat(
            skipped(
                HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
                "task-1",
                ProcessVariables.CONTRACT_TITLE))
        .isTrue();
    assertThat(
            skipped(
                HistoryEventTypes.VARIABLE_INSTANCE_CREATE, "task-1", ProcessVariables.PLAYED_ROLE))
        .isTrue();
    // the same name as a process variable (no task), a changed fact, any other variable: kept
    assertThat(
            skipped(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, null, ProcessVariables.REFERENCE))
        .isFalse();
    assertThat(
            skipped(
                HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
                "task-1",
                ProcessVariables.CONTRACT_TITLE))
        .isFalse();
    assertThat(skipped(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, "task-1", "decision")).isFalse();
  }

  private static boolean skipped(HistoryEventTypes type, String taskId, String name) {
    HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
    event.setEventType(type.getEventName());
    event.setTaskId(taskId);
    event.setVariableName(name);
    return TaskFactsHistory.WithoutTaskFactDetails.isTaskFactCreated(event);
  }
}

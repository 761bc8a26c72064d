package io.contractflow.workflow.api;

import java.util.List;
import java.util.Map;

/**
 * Where a contract's lifecycle stands: its phase (the running phase model), the steps it waits at,
 * the open tasks, and the approval matrix's latest routing decision (which rules fired, on which
 * inputs).
 */
public record ProcessView(
    String status,
    String phase,
    List<String> waitingAt,
    List<TaskView> openTasks,
    Map<String, Object> approvalRouting) {}

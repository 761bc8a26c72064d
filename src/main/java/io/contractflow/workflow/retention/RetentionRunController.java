package io.contractflow.workflow.retention;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Retention")
class RetentionRunController {

  private final RuntimeService runtime;
  private final CurrentUserProvider currentUser;

  RetentionRunController(RuntimeService runtime, CurrentUserProvider currentUser) {
    this.runtime = runtime;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/admin/retention/runs")
  @Operation(
      summary = "Start a retention run now, besides the schedule (contract admins)",
      description =
          "Starts the retention process (processes/retention.bpmn): it lists the contracts past"
              + " their retention and, if there are any, offers contract admins the task to"
              + " confirm their deletion. 202 with the run's id (the process instance).")
  ResponseEntity<Map<String, String>> run() {
    if (!currentUser.get().isAdmin()) {
      throw ApiException.forbidden("Only contract admins start retention runs");
    }
    ProcessInstance instance =
        runtime
            .createMessageCorrelation(RetentionVariables.MESSAGE_RUN_REQUESTED)
            .correlateStartMessage();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("runId", instance.getId()));
  }
}

package io.contractflow.workflow.api;

import io.contractflow.identity.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
@Tag(
    name = "Tasks",
    description =
        "Your contract tasks, found by the role their model gives them: review, drafting, renewal "
            + "decisions, and any task with a Camunda Form")
class TaskController {

  private final LifecycleTasks tasks;
  private final CurrentUserProvider currentUser;

  TaskController(LifecycleTasks tasks, CurrentUserProvider currentUser) {
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(
      summary =
          "Tasks assigned to you, and unassigned tasks offered to you or your groups (at most 200); "
              + "with contractId, those of one contract")
  List<TaskView> mine(@RequestParam(required = false) UUID contractId) {
    return tasks.mine(currentUser.get(), contractId);
  }

  @GetMapping("/{taskId}")
  TaskView get(@PathVariable String taskId) {
    return tasks.get(currentUser.get(), taskId);
  }

  @GetMapping(value = "/{taskId}/form", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "The task's Camunda Form (form-js schema) as deployed: complete the task with its input "
              + "fields' keys in values; 404 if the task has no form")
  ResponseEntity<String> form(@PathVariable String taskId) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(tasks.form(currentUser.get(), taskId));
  }

  @GetMapping("/{taskId}/form/variables")
  @Operation(
      summary =
          "The values the task's form shows and starts from: the variables its fields and texts "
              + "name, and no others; 404 if the task has no form")
  Map<String, Object> formVariables(@PathVariable String taskId) {
    return tasks.formVariables(currentUser.get(), taskId);
  }

  @PostMapping("/{taskId}/claim")
  @Operation(summary = "Take the task; nobody takes the review of their own contract")
  TaskView claim(@PathVariable String taskId) {
    return tasks.claim(currentUser.get(), taskId);
  }

  @PostMapping("/{taskId}/unclaim")
  @Operation(summary = "Give the task back to its groups")
  TaskView unclaim(@PathVariable String taskId) {
    return tasks.unclaim(currentUser.get(), taskId);
  }

  @PostMapping("/{taskId}/complete")
  @Operation(
      summary =
          "Complete the task: a known role's task with its decision and a comment, any task with a "
              + "Camunda Form with its fields in values, checked against the form (400 naming every "
              + "field at fault, the task untouched)")
  ResponseEntity<Void> complete(
      @PathVariable String taskId, @Valid @RequestBody CompleteTaskRequest request) {
    tasks.complete(currentUser.get(), taskId, request);
    return ResponseEntity.noContent().build();
  }
}

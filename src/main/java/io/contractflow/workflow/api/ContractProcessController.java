package io.contractflow.workflow.api;

import io.contractflow.identity.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contracts/{contractId}")
@Tag(
    name = "Lifecycle",
    description = "A contract's process: phase, open tasks, submission, termination")
class ContractProcessController {

  private final ContractProcess process;
  private final ContractProcessDiagrams diagrams;
  private final CurrentUserProvider currentUser;

  ContractProcessController(
      ContractProcess process, ContractProcessDiagrams diagrams, CurrentUserProvider currentUser) {
    this.process = process;
    this.diagrams = diagrams;
    this.currentUser = currentUser;
  }

  @GetMapping("/process")
  @Operation(
      summary =
          "The contract's phase, the steps it waits at, its open tasks and its approval routing")
  ProcessView process(@PathVariable UUID contractId) {
    return process.view(currentUser.get(), contractId);
  }

  @GetMapping("/process/diagram")
  @Operation(
      summary = "The contract's process drawn: the models from the lifecycle to its current phase",
      description =
          "Each model's BPMN XML (the version the contract runs, for a viewer such as bpmn-js) with"
              + " the element ids it waits at and those it has passed. An ended lifecycle shows"
              + " the lifecycle model with the path taken.")
  ProcessDiagram.Path diagram(@PathVariable UUID contractId) {
    return diagrams.of(currentUser.get(), contractId);
  }

  @PostMapping("/submit")
  @Operation(summary = "Submit the draft for review (owner or contract admin); it needs a document")
  ResponseEntity<ProcessView> submit(
      @PathVariable UUID contractId, @Valid @RequestBody(required = false) SubmitRequest request) {
    return ResponseEntity.accepted().body(process.submit(currentUser.get(), contractId, request));
  }

  @PostMapping("/terminate")
  @Operation(summary = "End an active contract early (owner or contract admin), with the reason")
  ResponseEntity<ProcessView> terminate(
      @PathVariable UUID contractId, @Valid @RequestBody TerminateRequest request) {
    return ResponseEntity.accepted()
        .body(process.terminate(currentUser.get(), contractId, request));
  }
}

package io.contractflow.workflow.versions;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployed process models, the contracts on each version, migrations between versions and the
 * drift between the release and what is deployed. Contract admins do everything; auditors read (the
 * lists, the drift, a migration's progress); everyone else is refused (403).
 */
@RestController
@RequestMapping("/api/admin/process-models")
@Tag(name = "Process models", description = "Model versions, migration and drift (admins)")
class ProcessModelsController {

  private final ProcessVersions versions;
  private final ContractMigrations migrations;
  private final ModelDriftCheck drift;
  private final CurrentUserProvider currentUser;

  ProcessModelsController(
      ProcessVersions versions,
      ContractMigrations migrations,
      ModelDriftCheck drift,
      CurrentUserProvider currentUser) {
    this.versions = versions;
    this.migrations = migrations;
    this.drift = drift;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(
      summary = "Every deployed version of every process model with its running contracts",
      description =
          "Key, version, deployment (time, name, source, who deployed it when the engine knows), "
              + "whether it came from the release (CLASSPATH) or the API, and how many process "
              + "instances run on it (admins, auditors)")
  List<ModelVersion> all() {
    requireReader();
    return versions.all();
  }

  @GetMapping("/{key}/versions/{version}/instances")
  @Operation(summary = "The contracts running on one version, page by page (admins, auditors)")
  Page<RunningInstance> instances(
      @PathVariable String key,
      @PathVariable int version,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    requireReader();
    return versions.running(key, version, page, size);
  }

  @PostMapping("/{key}/migrations/preview")
  @Operation(
      summary = "What migrating contracts from one version to another would move (admins)",
      description =
          "The engine's plan (activities mapped by id), the old version's activities without a "
              + "counterpart, and for each instance (at most 100 checked) whether it can move or "
              + "the engine's reasons why not. Nothing is changed.")
  MigrationPreview preview(@PathVariable String key, @RequestBody MigrationRequest request) {
    requireAdmin();
    return migrations.preview(key, request);
  }

  @PostMapping("/{key}/migrations")
  @Operation(
      summary = "Migrate running contracts to another version, as an engine batch (admins)",
      description =
          "Answers 202 with the batch's progress; recorded in each contract's audit trail. "
              + "Instances that cannot move fail their batch job (an incident) and stay where "
              + "they are: preview first.")
  ResponseEntity<MigrationProgress> migrate(
      @PathVariable String key, @RequestBody MigrationRequest request) {
    CurrentUser user = requireAdmin();
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(migrations.start(key, request, user.username()));
  }

  @GetMapping("/migrations")
  @Operation(summary = "The migrations started here, newest first (admins, auditors)")
  List<MigrationProgress> migrations() {
    requireReader();
    return migrations.all();
  }

  @GetMapping("/migrations/{batchId}")
  @Operation(summary = "One migration's progress (admins, auditors)")
  MigrationProgress migration(@PathVariable String batchId) {
    requireReader();
    return migrations.progress(batchId);
  }

  @GetMapping("/drift")
  @Operation(
      summary = "Which models' latest version did not come from the release (admins, auditors)",
      description =
          "Compares each deployed model with the release's file on the classpath: where the "
              + "latest version came from, whether the release's file is it, whether the next "
              + "start would deploy the release's file as a new version")
  List<ModelDrift> drift() {
    requireReader();
    return drift.check();
  }

  private CurrentUser requireReader() {
    CurrentUser user = currentUser.get();
    if (!user.readsAll()) {
      throw ApiException.forbidden("Only contract admins and auditors read the process models");
    }
    return user;
  }

  private CurrentUser requireAdmin() {
    CurrentUser user = currentUser.get();
    if (!user.isAdmin()) {
      throw ApiException.forbidden("Only contract admins migrate contracts");
    }
    return user;
  }
}

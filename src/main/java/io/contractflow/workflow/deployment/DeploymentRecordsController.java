package io.contractflow.workflow.deployment;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.export.TableFile;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Compliance", description = "Evidence for reviews and audits (admins, auditors)")
class DeploymentRecordsController {

  static final int MAX = 1000;
  private static final List<String> HEADINGS =
      List.of(
          "Deployed at (UTC)",
          "Deployed by",
          "Deployment",
          "Name",
          "Source",
          "Resource",
          "Change",
          "Elements added",
          "Elements removed",
          "Elements modified",
          "SHA-256",
          "Previous SHA-256");

  private final DeploymentRecords records;
  private final CurrentUserProvider currentUser;
  private final Clock clock;

  DeploymentRecordsController(
      DeploymentRecords records, CurrentUserProvider currentUser, Clock clock) {
    this.records = records;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/api/admin/deployments")
  @Operation(
      summary = "Every deployment of models: who, when, and what changed",
      description =
          "Newest first. Per file (BPMN, DMN, form): ADDED, CHANGED or UNCHANGED against the same"
              + " file's previous deployment, with the element ids added, removed and modified"
              + " (diagram layout not counted). Deployed by null: the platform's own models at"
              + " start-up. Admins and auditors only.")
  @ApiResponse(
      responseCode = "200",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array =
                @ArraySchema(
                    schema = @Schema(implementation = DeploymentRecords.Deployment.class))),
        @Content(mediaType = TableFile.CSV, schema = @Schema(type = "string")),
        @Content(mediaType = TableFile.XLSX, schema = @Schema(type = "string", format = "binary"))
      })
  ResponseEntity<?> deployments(
      @Parameter(description = "how many deployments, newest first (1 to 1000, default 100)")
          @RequestParam(defaultValue = "100")
          int limit,
      @Parameter(description = "csv or xlsx: one row per deployed file, to download")
          @RequestParam(required = false)
          String format) {
    if (!currentUser.get().readsAll()) {
      throw ApiException.forbidden("Only contract admins and auditors read the deployment record");
    }
    if (limit < 1 || limit > MAX) {
      throw ApiException.invalid("limit", "must be between 1 and " + MAX);
    }
    if (format != null && !TableFile.isFormat(format)) {
      throw ApiException.invalid("format", "must be csv or xlsx");
    }
    List<DeploymentRecords.Deployment> newest = records.newest(limit);
    if (format == null) {
      return ResponseEntity.ok(newest);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (DeploymentRecords.Deployment d : newest) {
      for (DeploymentRecords.Resource r : d.resources()) {
        rows.add(
            Arrays.<Object>asList(
                d.deployedAt().toString(),
                d.deployedBy() == null ? "(platform start-up)" : d.deployedBy(),
                d.id(),
                d.name(),
                d.source(),
                r.resource(),
                r.change(),
                String.join(", ", r.added()),
                String.join(", ", r.removed()),
                String.join(", ", r.modified()),
                r.sha256(),
                r.previousSha256()));
      }
    }
    return TableFile.download(
        "deployments", LocalDate.now(clock.withZone(ZoneOffset.UTC)), format, HEADINGS, rows);
  }
}

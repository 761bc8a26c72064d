package io.contractflow.workflow.versions;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The what-if of a changed approval matrix, before it is deployed (contract admins). */
@RestController
@RequestMapping("/api/admin/approval-matrix/what-if")
@Tag(name = "Process models", description = "Model versions, migration and drift (admins)")
class ApprovalMatrixWhatIfController {

  private final ApprovalMatrixWhatIf whatIf;
  private final CurrentUserProvider currentUser;

  ApprovalMatrixWhatIfController(ApprovalMatrixWhatIf whatIf, CurrentUserProvider currentUser) {
    this.whatIf = whatIf;
    this.currentUser = currentUser;
  }

  @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  @Operation(
      summary =
          "Replay a changed approval matrix (DMN XML, not deployed) on past contracts (admins)",
      description =
          "Evaluates the uploaded decision 'approvers' in memory on the stored inputs of the latest "
              + "evaluation of each past contract (newest first, up to limit) and lists the "
              + "contracts it would route to other groups. Nothing is deployed or stored.")
  WhatIfReport replay(@RequestBody byte[] dmn, @RequestParam(defaultValue = "1000") int limit) {
    requireAdmin();
    return whatIf.replay(dmn, limit);
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "The same, with the DMN file uploaded in the part 'file' (admins)")
  WhatIfReport replayUpload(
      @RequestPart("file") MultipartFile dmn, @RequestParam(defaultValue = "1000") int limit) {
    requireAdmin();
    if (dmn.getSize() > ApprovalMatrixWhatIf.MAX_BYTES) {
      throw ApiException.invalid("file", "is larger than " + ApprovalMatrixWhatIf.MAX_BYTES);
    }
    try {
      return whatIf.replay(dmn.getBytes(), limit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void requireAdmin() {
    if (!currentUser.get().isAdmin()) {
      throw ApiException.forbidden("Only contract admins try out approval matrices");
    }
  }
}

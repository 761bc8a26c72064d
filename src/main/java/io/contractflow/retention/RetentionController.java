package io.contractflow.retention;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Retention")
class RetentionController {

  private final ContractsDueForDeletion due;
  private final RetentionEvidence evidence;
  private final CurrentUserProvider currentUser;

  RetentionController(
      ContractsDueForDeletion due, RetentionEvidence evidence, CurrentUserProvider currentUser) {
    this.due = due;
    this.evidence = evidence;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/admin/retention/due")
  @Operation(
      summary = "The contracts past their retention now (contract admins)",
      description =
          "Expired or terminated, not under legal hold, ended longer ago than their type's"
              + " months; what the next retention run will list.")
  List<ContractsDueForDeletion.Due> due() {
    admin();
    return due.list();
  }

  @GetMapping("/api/admin/retention/deletions")
  @Operation(
      summary = "What retention runs deleted or kept, newest first (contract admins, auditors)",
      description =
          "One entry per contract a confirmed run handled: the reference, type, dates, outcome"
              + " (DELETED, SKIPPED_LEGAL_HOLD, SKIPPED_NOT_DUE, GONE), who confirmed, the rows"
              + " deleted per store. At most 500.")
  List<RetentionEvidence.Entry> deletions() {
    if (!currentUser.get().readsAll()) {
      throw ApiException.forbidden("Only contract admins and auditors read the retention evidence");
    }
    return evidence.newest();
  }

  private void admin() {
    if (!currentUser.get().isAdmin()) {
      throw ApiException.forbidden("Only contract admins see what is due for deletion");
    }
  }
}

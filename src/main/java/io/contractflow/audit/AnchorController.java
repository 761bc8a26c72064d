package io.contractflow.audit;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/audit/anchors")
@Tag(
    name = "Audit anchors",
    description =
        "Checkpoints of every audit chain's head, signed with the seal key and kept outside the"
            + " database, and the check of the database against them")
class AnchorController {

  private final AuditAnchors anchors;
  private final CurrentUserProvider currentUser;

  AnchorController(AuditAnchors anchors, CurrentUserProvider currentUser) {
    this.anchors = anchors;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "The anchors written, newest first (admins, auditors)")
  List<AuditAnchors.Anchor> list() {
    requireReader();
    return anchors.list();
  }

  @PostMapping
  @Operation(
      summary = "Take an anchor now (admins)",
      description =
          "201 with the new anchor; 204 when no audit entry was added since the newest anchor.")
  ResponseEntity<AuditAnchors.Anchor> take() {
    if (!currentUser.get().isAdmin()) {
      throw ApiException.forbidden("Only contract admins take audit anchors");
    }
    return anchors
        .take()
        .map(a -> ResponseEntity.status(HttpStatus.CREATED).body(a))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @GetMapping("/verification")
  @Operation(
      summary = "Compare the database with the newest valid anchor (admins, auditors)",
      description =
          "intact is true when the newest anchor's root and signature hold, no anchor file is"
              + " invalid, and every chain still holds its anchored entry unchanged and verifies"
              + " in itself; truncated, rewritten and broken name the chains that do not (the"
              + " first 100 of each).")
  AuditAnchors.Verification verify() {
    requireReader();
    return anchors.verify();
  }

  private CurrentUser requireReader() {
    CurrentUser user = currentUser.get();
    if (!user.readsAll()) {
      throw ApiException.forbidden("Only contract admins and auditors read the audit anchors");
    }
    return user;
  }
}

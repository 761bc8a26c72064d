package io.contractflow.retention;

import io.contractflow.contract.ContractGuard;
import io.contractflow.contract.ContractResponse;
import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Retention")
class LegalHoldController {

  private final LegalHolds holds;
  private final ContractGuard contracts;
  private final CurrentUserProvider currentUser;

  LegalHoldController(LegalHolds holds, ContractGuard contracts, CurrentUserProvider currentUser) {
    this.holds = holds;
    this.contracts = contracts;
    this.currentUser = currentUser;
  }

  /** Why a hold is placed or lifted. */
  record HoldRequest(String reason) {}

  @PutMapping("/api/contracts/{contractId}/legal-hold")
  @Operation(
      summary = "Place a legal hold: retention neither lists nor deletes the contract",
      description =
          "Contract admins, and legal reviewers on contracts they may read. Body: {\"reason\":"
              + " ...}. 409 if the contract is held already. Recorded in the contract's history.")
  ContractResponse place(
      @PathVariable UUID contractId, @RequestBody(required = false) HoldRequest body) {
    CurrentUser user = currentUser.get();
    holds.place(user, contractId, body == null ? null : body.reason());
    return contracts.view(user, contractId);
  }

  @PostMapping("/api/contracts/{contractId}/legal-hold/lift")
  @Operation(
      summary = "Lift the contract's legal hold",
      description =
          "Contract admins, and legal reviewers on contracts they may read. Body: {\"reason\":"
              + " ...}. 409 if the contract is not held. Recorded in the contract's history.")
  ContractResponse lift(
      @PathVariable UUID contractId, @RequestBody(required = false) HoldRequest body) {
    CurrentUser user = currentUser.get();
    holds.lift(user, contractId, body == null ? null : body.reason());
    return contracts.view(user, contractId);
  }
}

package io.contractflow.contract;

import io.contractflow.identity.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contracts/{id}/shares")
@Tag(name = "Contracts")
class ContractShareController {

  private final ContractSharing sharing;
  private final CurrentUserProvider currentUser;

  ContractShareController(ContractSharing sharing, CurrentUserProvider currentUser) {
    this.sharing = sharing;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "Who else may view or edit this contract")
  List<ShareResponse> list(@PathVariable UUID id) {
    return sharing.list(currentUser.get(), id).stream().map(ShareResponse::of).toList();
  }

  @PutMapping
  @Operation(
      summary =
          "Share the contract with a user or group, or change what a share allows (owner, admins)")
  ShareResponse share(@PathVariable UUID id, @Valid @RequestBody ShareRequest request) {
    return ShareResponse.of(sharing.share(currentUser.get(), id, request));
  }

  @DeleteMapping("/{principalType}/{principalId}")
  @Operation(summary = "Stop sharing the contract with a user or group (owner, admins)")
  ResponseEntity<Void> unshare(
      @PathVariable UUID id,
      @PathVariable ContractShare.PrincipalType principalType,
      @PathVariable @Size(max = 64) String principalId) {
    sharing.unshare(currentUser.get(), id, principalType, principalId);
    return ResponseEntity.noContent().build();
  }
}

package io.contractflow.signature;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A contract's signers and signing requests, for the people behind the contract. */
@RestController
@RequestMapping("/api/contracts/{contractId}")
@Tag(name = "Signing", description = "A contract's signers and its signing requests")
class ContractSigningController {

  private final SignerPlans plans;
  private final SigningLinks links;
  private final SignerLinkResend resend;
  private final CurrentUserProvider currentUser;

  ContractSigningController(
      SignerPlans plans,
      SigningLinks links,
      SignerLinkResend resend,
      CurrentUserProvider currentUser) {
    this.plans = plans;
    this.links = links;
    this.resend = resend;
    this.currentUser = currentUser;
  }

  @GetMapping("/signers")
  @Operation(
      summary =
          "Who is to sign (owner, admins, auditors); the counterparty's contact while none are set")
  SignersResponse signers(@PathVariable UUID contractId) {
    return plans.get(currentUser.get(), contractId);
  }

  @PutMapping("/signers")
  @Operation(
      summary =
          "Set who is to sign and in which mode (owner or admin; until the contract goes to signing)")
  SignersResponse setSigners(
      @PathVariable UUID contractId, @RequestBody @Valid SignersRequest body) {
    return plans.put(currentUser.get(), contractId, body);
  }

  @GetMapping("/signing")
  @Operation(
      summary =
          "The newest signing request: mode, status, expiry, each signer's status (never their links)")
  SigningView signing(@PathVariable UUID contractId) {
    return links
        .latest(currentUser.get(), contractId)
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    "Contract " + contractId + " has no signing request yet"));
  }

  @PostMapping("/signers/{signerId}/resend")
  @Operation(
      summary =
          "Send a signer a new link at their address (owner or admin; built-in signer, while it is their"
              + " turn): the old link stops working, and nobody but the signer sees the new one")
  SigningView resend(@PathVariable UUID contractId, @PathVariable UUID signerId) {
    return resend.resend(currentUser.get(), contractId, signerId);
  }
}

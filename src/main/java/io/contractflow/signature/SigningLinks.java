package io.contractflow.signature;

import io.contractflow.contract.ContractGuard;
import io.contractflow.contract.ContractResponse;
import io.contractflow.identity.CurrentUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's signing request for the people behind it: owner, admins and auditors see it; owner and admins also
 * get each signer's link while that signer's turn is open, to forward it (until invitations go out by mail).
 */
@Service
class SigningLinks {

  private final ContractGuard contracts;
  private final SigningService signing;
  private final SignerInvitations invitations;

  SigningLinks(ContractGuard contracts, SigningService signing, SignerInvitations invitations) {
    this.contracts = contracts;
    this.signing = signing;
    this.invitations = invitations;
  }

  @Transactional(readOnly = true)
  Optional<SigningView> latest(CurrentUser user, UUID contractId) {
    ContractResponse contract = contracts.view(user, contractId);
    SigningAccess.requireReader(user, contract);
    boolean withLinks = SigningAccess.isManager(user, contract);
    return signing.latest(contractId).map(view -> !withLinks ? view : view.withSigners(view.signers().stream()
        .map(s -> s.turn() ? s.withLink(invitations.lastLink(s.id()).orElse(null)) : s)
        .toList()));
  }
}

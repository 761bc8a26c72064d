package io.contractflow.signature;

import io.contractflow.contract.ContractGuard;
import io.contractflow.contract.ContractResponse;
import io.contractflow.identity.CurrentUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's signing request for the people behind it: owner, admins and auditors see each
 * signer's status, never a signer's link (links and codes go to the signers' addresses only).
 */
@Service
class SigningLinks {

  private final ContractGuard contracts;
  private final SigningService signing;

  SigningLinks(ContractGuard contracts, SigningService signing) {
    this.contracts = contracts;
    this.signing = signing;
  }

  @Transactional(readOnly = true)
  Optional<SigningView> latest(CurrentUser user, UUID contractId) {
    ContractResponse contract = contracts.view(user, contractId);
    SigningAccess.requireReader(user, contract);
    return signing.latest(contractId);
  }
}

package io.contractflow.contract;

import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.NotPermittedException;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract's object-level rules for other features (documents, later search and signing): a
 * feature asks here before it touches anything that belongs to a contract, and gets the same
 * 404/403/409 the contract API gives.
 */
@Component
public class ContractGuard {

  private final ContractService contracts;
  private final ContractAccessPolicy access;

  ContractGuard(ContractService contracts, ContractAccessPolicy access) {
    this.contracts = contracts;
    this.access = access;
  }

  /** The contract if the caller may read it; 404 otherwise. */
  @Transactional(readOnly = true)
  public ContractSummary readable(CurrentUser user, UUID contractId) {
    return ContractSummary.of(contracts.readable(user, contractId));
  }

  /** The whole contract, as the API shows it, if the caller may read it; 404 otherwise. */
  @Transactional(readOnly = true)
  public ContractResponse view(CurrentUser user, UUID contractId) {
    return ContractResponse.of(contracts.readable(user, contractId));
  }

  /**
   * The whole contract, as the API shows it, if the caller manages it (its owner, admins; never
   * auditors): 404 for those who may not read it, 403 for those who only may.
   */
  @Transactional(readOnly = true)
  public ContractResponse managed(CurrentUser user, UUID contractId) {
    Contract contract = contracts.readable(user, contractId);
    if (!access.canManage(user, contract)) {
      throw new NotPermittedException("Only the contract's owner and admins may do this");
    }
    return ContractResponse.of(contract);
  }

  /** The contract if the caller may edit it and it is still editable; 404, 403 or 409 otherwise. */
  @Transactional(readOnly = true)
  public ContractSummary editable(CurrentUser user, UUID contractId) {
    Contract contract = contracts.readable(user, contractId);
    if (!access.canEdit(user, contract)) {
      throw new NotPermittedException("You may read this contract but not change it");
    }
    if (!contract.getStatus().isEditable()) {
      throw new ConflictException(
          "A " + contract.getStatus() + " contract cannot be changed; only drafts can");
    }
    return ContractSummary.of(contract);
  }
}

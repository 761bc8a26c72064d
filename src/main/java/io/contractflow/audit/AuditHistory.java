package io.contractflow.audit;

import io.contractflow.contract.ContractGuard;
import io.contractflow.identity.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a contract's trail for someone who may read the contract, together with the result of
 * recomputing the whole chain. Both come from one snapshot of the database (repeatable read), so a
 * page and its verification agree even while entries are being appended.
 */
@Service
class AuditHistory {

  private final ContractGuard contracts;
  private final AuditEntries entries;

  AuditHistory(ContractGuard contracts, AuditEntries entries) {
    this.contracts = contracts;
    this.entries = entries;
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  Result read(CurrentUser user, UUID contractId, boolean newestFirst, long offset, int limit) {
    contracts.readable(user, contractId);
    ChainVerification verification = verify(contractId);
    return new Result(entries.page(contractId, newestFirst, offset, limit), verification);
  }

  /** The chain recomputed from its first entry. */
  ChainVerification verify(UUID contractId) {
    ChainCheck check = new ChainCheck();
    entries.forEachInOrder(contractId, check::accept);
    return check.result();
  }

  record Result(List<AuditEntry> page, ChainVerification verification) {}
}

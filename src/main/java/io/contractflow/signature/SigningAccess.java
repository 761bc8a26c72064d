package io.contractflow.signature;

import io.contractflow.contract.ContractResponse;
import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.Role;
import io.contractflow.platform.error.NotPermittedException;

/**
 * Who may see and set a contract's signing, among those who may read the contract at all (the
 * others got 404 from the contract guard already): its owner and admins set signers; they and
 * auditors read signers and requests.
 */
final class SigningAccess {

  private SigningAccess() {}

  static boolean isManager(CurrentUser user, ContractResponse contract) {
    return !user.isReadOnly() && (user.isAdmin() || contract.owner().equals(user.username()));
  }

  static void requireManager(CurrentUser user, ContractResponse contract) {
    if (!isManager(user, contract)) {
      throw new NotPermittedException(
          "Only the contract's owner or a contract admin sets its signers");
    }
  }

  static void requireReader(CurrentUser user, ContractResponse contract) {
    if (!(user.isAdmin() || user.has(Role.AUDITOR) || contract.owner().equals(user.username()))) {
      throw new NotPermittedException(
          "Only the contract's owner, contract admins and auditors see its signing");
    }
  }
}

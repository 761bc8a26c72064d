package io.contractflow.contract;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.Role;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may do what with one contract. The same rules hold whatever authenticated the caller.
 *
 * <ul>
 *   <li>contract admins: everything;
 *   <li>auditors: read every contract, change nothing;
 *   <li>everyone else: read what they own or what is shared with them or their group; edit what
 *       they own or what is shared with them to edit; cancel and share only what they own.
 * </ul>
 *
 * Creating contracts is for requesters and admins.
 */
@Component
class ContractAccessPolicy {

  private final ContractShareRepository shares;

  ContractAccessPolicy(ContractShareRepository shares) {
    this.shares = shares;
  }

  boolean canCreate(CurrentUser user) {
    return !user.isReadOnly() && (user.has(Role.REQUESTER) || user.isAdmin());
  }

  boolean canRead(CurrentUser user, Contract contract) {
    return user.readsAll() || isOwner(user, contract) || !sharesReaching(user, contract).isEmpty();
  }

  boolean canEdit(CurrentUser user, Contract contract) {
    if (user.isReadOnly()) {
      return false;
    }
    return user.isAdmin()
        || isOwner(user, contract)
        || sharesReaching(user, contract).stream()
            .anyMatch(s -> s.permission() == ContractShare.Permission.EDIT);
  }

  /** Cancelling and sharing belong to the owner (and admins). */
  boolean canManage(CurrentUser user, Contract contract) {
    return !user.isReadOnly() && (user.isAdmin() || isOwner(user, contract));
  }

  private static boolean isOwner(CurrentUser user, Contract contract) {
    return contract.getOwner().equals(user.username());
  }

  private List<ContractShare> sharesReaching(CurrentUser user, Contract contract) {
    Set<String> groups = user.groups().isEmpty() ? Set.of("\u0000none") : user.groups();
    return shares.findReaching(contract.getId(), user.username(), groups);
  }
}

package io.contractflow.contract;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.UserDirectory;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shares a contract with other users or groups; the owner and admins decide, everyone who can read
 * may look.
 */
@Service
class ContractSharing {

  private final ContractService contracts;
  private final ContractAccessPolicy access;
  private final ContractShareRepository shares;
  private final UserDirectory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ContractSharing(
      ContractService contracts,
      ContractAccessPolicy access,
      ContractShareRepository shares,
      UserDirectory directory,
      ApplicationEventPublisher events,
      Clock clock) {
    this.contracts = contracts;
    this.access = access;
    this.shares = shares;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<ContractShare> list(CurrentUser user, UUID contractId) {
    contracts.readable(user, contractId);
    return shares.findByContractIdOrderByPrincipalTypeAscPrincipalIdAsc(contractId);
  }

  @Transactional
  ContractShare share(CurrentUser user, UUID contractId, ShareRequest request) {
    Contract contract = manageable(user, contractId);
    String principal = request.principalId().trim();
    boolean known =
        request.principalType() == ContractShare.PrincipalType.USER
            ? directory.userExists(principal)
            : directory.groupExists(principal);
    if (!known) {
      throw InvalidInputException.field(
          "principalId", "names no known " + request.principalType().name().toLowerCase());
    }
    if (request.principalType() == ContractShare.PrincipalType.USER
        && principal.equals(contract.getOwner())) {
      throw InvalidInputException.field("principalId", "is the owner, who has every right already");
    }
    ContractShare share =
        shares
            .findByContractIdAndPrincipalTypeAndPrincipalId(
                contractId, request.principalType(), principal)
            .orElseGet(() -> new ContractShare(contractId, request.principalType(), principal));
    ContractShare.Permission before = share.permission();
    share.grant(request.permission(), user.username(), clock.instant());
    ContractShare saved = shares.saveAndFlush(share);
    events.publishEvent(
        new ContractSharesChanged(
            contractId,
            saved.principalType().name(),
            saved.principalId(),
            saved.permission().name(),
            before == null ? null : before.name(),
            user.username()));
    return saved;
  }

  @Transactional
  void unshare(
      CurrentUser user, UUID contractId, ContractShare.PrincipalType type, String principalId) {
    manageable(user, contractId);
    ContractShare share =
        shares
            .findByContractIdAndPrincipalTypeAndPrincipalId(contractId, type, principalId)
            .orElseThrow(
                () -> NotFoundException.of("Share", type.name().toLowerCase() + " " + principalId));
    shares.delete(share);
    shares.flush();
    events.publishEvent(
        new ContractSharesChanged(
            contractId,
            share.principalType().name(),
            share.principalId(),
            null,
            share.permission().name(),
            user.username()));
  }

  private Contract manageable(CurrentUser user, UUID contractId) {
    Contract contract = contracts.readable(user, contractId);
    if (!access.canManage(user, contract)) {
      throw new NotPermittedException(
          "Only the owner or a contract admin can change who this contract is shared with");
    }
    return contract;
  }
}

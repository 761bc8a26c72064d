package io.contractflow.contract;

import io.contractflow.counterparty.CounterpartyDelegates;
import io.contractflow.identity.CurrentUser;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the contracts that name a counterparty say about it: which of them are live (their trails
 * record its changes), and whom its owner lets edit one of them (they may correct it too, see
 * {@link CounterpartyDelegates}).
 */
@Component
public class ContractCounterparties implements CounterpartyDelegates {

  private static final List<ContractStatus> LIVE =
      Arrays.stream(ContractStatus.values()).filter(s -> !s.isEnded()).toList();

  private final ContractRepository contracts;
  private final ContractShareRepository shares;

  ContractCounterparties(ContractRepository contracts, ContractShareRepository shares) {
    this.contracts = contracts;
    this.shares = shares;
  }

  /**
   * The live contracts (not rejected, expired, terminated or cancelled) that name the counterparty,
   * in id order.
   */
  @Transactional(readOnly = true)
  public List<UUID> liveContractsNaming(UUID counterpartyId) {
    return contracts.idsNaming(counterpartyId, LIVE);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean editsForOwner(CurrentUser user, UUID counterpartyId, String owner) {
    if (owner == null || user.isReadOnly()) {
      return false;
    }
    Set<String> groups = user.groups().isEmpty() ? Set.of("\u0000none") : user.groups();
    return shares.editSharedNaming(counterpartyId, owner, user.username(), groups);
  }
}

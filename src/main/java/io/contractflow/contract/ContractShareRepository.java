package io.contractflow.contract;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContractShareRepository extends JpaRepository<ContractShare, UUID> {

  List<ContractShare> findByContractIdOrderByPrincipalTypeAscPrincipalIdAsc(UUID contractId);

  Optional<ContractShare> findByContractIdAndPrincipalTypeAndPrincipalId(
      UUID contractId, ContractShare.PrincipalType type, String principalId);

  /** The shares of one contract that reach this user directly or through one of their groups. */
  @Query(
      """
      select s from ContractShare s where s.contractId = :contractId and (
        (s.principalType = io.contractflow.contract.ContractShare.PrincipalType.USER and s.principalId = :user)
        or (s.principalType = io.contractflow.contract.ContractShare.PrincipalType.GROUP and s.principalId in :groups))
      """)
  List<ContractShare> findReaching(
      @Param("contractId") UUID contractId,
      @Param("user") String user,
      @Param("groups") Collection<String> groups);

  /**
   * Whether a contract of {@code owner} that names the counterparty is shared to edit with this
   * user, directly or through one of their groups.
   */
  @Query(
      """
      select count(s) > 0 from ContractShare s, Contract c where s.contractId = c.id
        and c.counterparty.id = :counterpartyId and c.owner = :owner
        and s.permission = io.contractflow.contract.ContractShare.Permission.EDIT and (
        (s.principalType = io.contractflow.contract.ContractShare.PrincipalType.USER and s.principalId = :user)
        or (s.principalType = io.contractflow.contract.ContractShare.PrincipalType.GROUP and s.principalId in :groups))
      """)
  boolean editSharedNaming(
      @Param("counterpartyId") UUID counterpartyId,
      @Param("owner") String owner,
      @Param("user") String user,
      @Param("groups") Collection<String> groups);

  /**
   * The contracts shared with this user, directly or through one of their groups (a contract shared
   * both ways appears twice), at most {@code limit} of them: an index lookup on
   * contract_share_principal_ix.
   */
  @Query(
      """
      select s.contractId from ContractShare s where
        (s.principalType = io.contractflow.contract.ContractShare.PrincipalType.USER and s.principalId = :user)
        or (s.principalType = io.contractflow.contract.ContractShare.PrincipalType.GROUP and s.principalId in :groups)
      """)
  List<UUID> findContractIdsReaching(
      @Param("user") String user, @Param("groups") Collection<String> groups, Limit limit);
}

package io.contractflow.contract;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContractRepository
    extends JpaRepository<Contract, UUID>, JpaSpecificationExecutor<Contract> {

  /** The ids of the contracts in one of these statuses that name the counterparty, in id order. */
  @Query(
      "select c.id from Contract c where c.counterparty.id = :counterpartyId and c.status in :statuses order by c.id")
  List<UUID> idsNaming(
      @Param("counterpartyId") UUID counterpartyId,
      @Param("statuses") Collection<ContractStatus> statuses);

  /**
   * A contract with its counterparty and tags, in one statement (a read shows all three; {@code
   * findById} would ask for each on its own). Fetch joins in the query, not an entity graph, so
   * Hibernate caches its translation like any query string.
   */
  @Query(
      "select c from Contract c join fetch c.counterparty left join fetch c.tags where c.id = :id")
  Optional<Contract> findWithDetailsById(@Param("id") UUID id);
}

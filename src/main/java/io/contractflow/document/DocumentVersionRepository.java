package io.contractflow.document;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DocumentVersionRepository extends JpaRepository<DocumentVersion, UUID> {

  List<DocumentVersion> findByContractIdOrderByNumberDesc(UUID contractId);

  /**
   * The contract's current version (the newest, should there ever be two), for every new task's
   * facts: a query string, translated once (a derived query is translated again on every call),
   * that reads the current version only, not every version with its text.
   */
  @Query(
      "select v from DocumentVersion v where v.contractId = :contractId and v.current = true"
          + " order by v.number desc")
  List<DocumentVersion> findCurrent(UUID contractId);

  Optional<DocumentVersion> findByContractIdAndNumber(UUID contractId, int number);

  @Query(
      "select coalesce(max(v.number), 0) from DocumentVersion v where v.contractId = :contractId")
  int lastNumber(UUID contractId);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      "update DocumentVersion v set v.current = false where v.contractId = :contractId and v.current = true")
  void clearCurrent(UUID contractId);
}

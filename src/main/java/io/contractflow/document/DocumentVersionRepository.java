package io.contractflow.document;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DocumentVersionRepository extends JpaRepository<DocumentVersion, UUID> {

  List<DocumentVersion> findByContractIdOrderByNumberDesc(UUID contractId);

  Optional<DocumentVersion> findByContractIdAndNumber(UUID contractId, int number);

  @Query(
      "select coalesce(max(v.number), 0) from DocumentVersion v where v.contractId = :contractId")
  int lastNumber(UUID contractId);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      "update DocumentVersion v set v.current = false where v.contractId = :contractId and v.current = true")
  void clearCurrent(UUID contractId);
}

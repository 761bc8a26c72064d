package io.contractflow.signature;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SigningRequestRepository extends JpaRepository<SigningRequest, UUID> {

  /** The request, locked for this transaction: signatures, declines and seals of one request take turns. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from SigningRequest r where r.id = :id")
  Optional<SigningRequest> lock(UUID id);

  @Query("select r from SigningRequest r where r.contractId = :contractId and r.status = io.contractflow.signature.SigningStatus.OPEN")
  Optional<SigningRequest> findOpen(UUID contractId);

  Optional<SigningRequest> findFirstByContractIdOrderByCreatedAtDesc(UUID contractId);
}

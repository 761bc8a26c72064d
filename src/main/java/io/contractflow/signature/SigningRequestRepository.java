package io.contractflow.signature;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SigningRequestRepository extends JpaRepository<SigningRequest, UUID> {

  /**
   * The request, locked for this transaction: signatures, declines and seals of one request take
   * turns.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from SigningRequest r where r.id = :id")
  Optional<SigningRequest> lock(UUID id);

  @Query(
      "select r from SigningRequest r where r.contractId = :contractId and r.status = io.contractflow.signature.SigningStatus.OPEN")
  Optional<SigningRequest> findOpen(UUID contractId);

  Optional<SigningRequest> findFirstByContractIdOrderByCreatedAtDesc(UUID contractId);

  /** The request a provider knows as {@code envelopeId}, locked like {@link #lock}. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query(
      "select r from SigningRequest r where r.provider = :provider and r.envelopeId = :envelopeId")
  Optional<SigningRequest> lockByEnvelope(String provider, String envelopeId);

  /** Open requests at a vendor, the longest unchecked first. */
  @Query(
      "select r from SigningRequest r where r.status = io.contractflow.signature.SigningStatus.OPEN"
          + " and r.provider <> :builtIn and r.envelopeId is not null order by r.providerCheckedAt asc nulls first")
  List<SigningRequest> findOpenAtVendors(String builtIn);
}

package io.contractflow.signature;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SignerRepository extends JpaRepository<Signer, UUID> {

  List<Signer> findByRequestIdOrderByPosition(UUID requestId);

  /**
   * Which signer and request a link belongs to, without loading the signer (it is loaded after the
   * lock).
   */
  @Query(
      "select new io.contractflow.signature.SignerRepository$LinkOwner(s.id, s.requestId) from Signer s"
          + " where s.tokenSha256 = :tokenSha256")
  Optional<LinkOwner> findByTokenHash(String tokenSha256);

  /** The signer and request a token hash points at. */
  record LinkOwner(UUID signerId, UUID requestId) {}
}

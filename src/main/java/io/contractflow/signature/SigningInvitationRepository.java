package io.contractflow.signature;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SigningInvitationRepository extends JpaRepository<SigningInvitation, UUID> {

  Optional<SigningInvitation> findFirstBySignerIdOrderByCreatedAtDesc(UUID signerId);
}

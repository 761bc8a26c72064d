package io.contractflow.counterparty;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CounterpartyRepository extends JpaRepository<Counterparty, UUID> {

  Page<Counterparty> findByNameContainingIgnoreCase(String name, Pageable pageable);

  boolean existsByNameIgnoreCase(String name);

  java.util.Optional<Counterparty> findFirstByNameIgnoreCase(String name);

  boolean existsByNameIgnoreCaseAndIdNot(String name, UUID id);
}

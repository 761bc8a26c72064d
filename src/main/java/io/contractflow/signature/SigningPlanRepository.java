package io.contractflow.signature;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SigningPlanRepository extends JpaRepository<SigningPlan, UUID> {}

package io.contractflow.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.contract.ContractType;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin's "keep these" references, and when a contract falls due. */
class RetentionDecisionsTest {

  @Test
  void referencesToKeepAreReadFromCommasSemicolonsAndSpacesIgnoringCase() {
    assertThat(
            RetentionDecisions.references(
                " ct-2024-0001, CT-2024-0002;CT-2024-0003\nct-2024-0001 "))
        .containsExactly("CT-2024-0001", "CT-2024-0002", "CT-2024-0003");
    assertThat(RetentionDecisions.references(null)).isEmpty();
    assertThat(RetentionDecisions.references("  ")).isEmpty();
  }

  @Test
  void aContractFallsDueItsTypesMonthsAfterItEnded() {
    ContractsDueForDeletion.Due due =
        new ContractsDueForDeletion.Due(
            UUID.randomUUID(),
            "CT-2024-0001",
            ContractType.NDA,
            "EXPIRED",
            LocalDate.of(2024, 1, 31),
            13);
    assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 2, 28));
  }
}

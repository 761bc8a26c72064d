package io.contractflow.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalTermsTest {

  private final PersonalTerms pia =
      PersonalTerms.of(
          "pia", "erased-1234", List.of("pia.q@example.org"), List.of("Pia Quist", "P. Q"));

  @Test
  void wholeWordsIgnoringCase() {
    assertThat(pia.mentions("Signed by PIA QUIST")).isTrue();
    assertThat(pia.mentions("Olympia and Pianos")).isFalse();
    assertThat(pia.mentions("shared with pia by rita")).isTrue();
  }

  @Test
  void theUserIdBecomesThePseudonymEverythingElseErased() {
    assertThat(pia.redact("Pia Quist <pia.q@example.org> shared with pia; Pianos stay"))
        .isEqualTo("[erased] <[erased]> shared with erased-1234; Pianos stay");
  }

  @Test
  void shortTermsAreNotSearched() {
    assertThat(pia.values()).doesNotContain("P. Q".substring(0, 2));
    assertThat(PersonalTerms.of(null, null, List.of(), List.of("Al")).isEmpty()).isTrue();
  }

  @Test
  void theSqlPatternQuotesTheTerms() {
    assertThat(pia.sqlPattern()).contains("pia\\\\.q@example\\\\.org".replace("\\\\", "\\"));
  }

  @Test
  void maskedAddressesKeepOnlyTheFirstLetterAndTheDomain() {
    assertThat(Masked.email("jane.doe@example.com")).isEqualTo("j***@example.com");
    assertThat(Masked.email("nonsense")).isEqualTo("***");
  }
}

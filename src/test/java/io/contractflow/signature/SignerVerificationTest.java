package io.contractflow.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pure parts of the address check: codes, masking, which verification a certificate names, the
 * settings.
 */
class SignerVerificationTest {

  @Test
  void codesAreRandomDigitsOfTheConfiguredLengthLeadingZerosIncluded() {
    Set<String> seen = new HashSet<>();
    boolean leadingZero = false;
    for (int i = 0; i < 2000; i++) {
      String code = SignerVerification.newCode(8);
      assertThat(code).hasSize(8).containsOnlyDigits();
      seen.add(code);
      leadingZero |= code.startsWith("0");
    }
    assertThat(seen).as("no repeats to speak of").hasSizeGreaterThan(1990);
    assertThat(leadingZero).as("a tenth of the codes start with 0, kept").isTrue();
    assertThat(SignerVerification.newCode(6)).hasSize(6);
    assertThat(SignerVerification.newCode(10)).hasSize(10);
  }

  @Test
  void addressesAreMaskedToTheirFirstLetterAndDomain() {
    assertThat(SignerVerification.mask("ann.signer@example.com")).isEqualTo("a***@example.com");
    assertThat(SignerVerification.mask("@example.com")).isEqualTo("***");
  }

  @Test
  void theCertificateNamesTheLastVerificationBeforeTheSignature() {
    UUID ann = UUID.randomUUID();
    Instant t = Instant.parse("2026-03-01T09:00:00Z");
    List<SignerVerification.Event> events =
        List.of(
            new SignerVerification.Event(ann, t, "VERIFIED", "ann@example.com", null),
            new SignerVerification.Event(
                ann, t.plusSeconds(60), "VERIFIED", "ann@example.com", null),
            new SignerVerification.Event(
                ann, t.plusSeconds(600), "VERIFIED", "ann@example.com", null),
            new SignerVerification.Event(
                UUID.randomUUID(), t.plusSeconds(100), "VERIFIED", "bob@example.com", null));
    assertThat(SignerVerification.verifiedAt(events, ann, t.plusSeconds(120)))
        .hasValue(t.plusSeconds(60));
    assertThat(SignerVerification.verifiedAt(events, ann, t.minusSeconds(1))).isEmpty();
    assertThat(SignerVerification.verifiedAt(events, UUID.randomUUID(), null)).isEmpty();
  }

  @Test
  void settingsOutsideTheirRangeAreRefused() {
    assertThatThrownBy(
            () ->
                new SigningProperties.Verification(
                    5,
                    Duration.ofMinutes(10),
                    5,
                    Duration.ofSeconds(60),
                    5,
                    Duration.ofMinutes(30)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SigningProperties.Verification(
                    8,
                    Duration.ofMinutes(10),
                    0,
                    Duration.ofSeconds(60),
                    5,
                    Duration.ofMinutes(30)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUp() {
    assertThat(new SignerCodeRateLimited(Duration.ofMillis(59_001), "x").retryAfterSeconds())
        .isEqualTo(60);
    assertThat(new SignerCodeRateLimited(Duration.ofSeconds(60), "x").retryAfterSeconds())
        .isEqualTo(60);
    assertThat(new SignerCodeRateLimited(Duration.ZERO, "x").retryAfterSeconds()).isEqualTo(1);
  }
}

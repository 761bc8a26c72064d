package io.contractflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Verifying a chain: where it reports the break for each way of tampering with it. */
class ChainCheckTest {

  private static final UUID CONTRACT = UUID.randomUUID();

  /**
   * A well-formed chain of {@code n} entries, linked and hashed as {@link AuditTrail} writes them.
   */
  private static List<AuditEntry> chain(int n) {
    List<AuditEntry> entries = new ArrayList<>();
    String prev = EntryHash.GENESIS;
    Instant at = Instant.parse("2026-03-01T09:00:00Z");
    for (int seq = 1; seq <= n; seq++) {
      AuditEntry entry =
          entry(
              seq, at.plusSeconds(seq), "user" + seq, "Entry " + seq, "{\"n\":" + seq + "}", prev);
      entries.add(entry);
      prev = entry.hash();
    }
    return entries;
  }

  private static AuditEntry entry(
      int seq, Instant at, String actor, String summary, String details, String prev) {
    String hash =
        EntryHash.of(
            new EntryHash.Input(prev, CONTRACT, seq, at, actor, "COMMENT", summary, details));
    return new AuditEntry(CONTRACT, seq, at, actor, "COMMENT", summary, details, prev, hash);
  }

  private static ChainVerification verify(List<AuditEntry> entries) {
    ChainCheck check = new ChainCheck();
    entries.forEach(check::accept);
    return check.result();
  }

  private static AuditEntry withSummary(AuditEntry e, String summary) {
    return new AuditEntry(
        e.contractId(),
        e.seq(),
        e.occurredAt(),
        e.actor(),
        e.kind(),
        summary,
        e.details(),
        e.prevHash(),
        e.hash());
  }

  @Test
  void anUntouchedChainIsIntact() {
    assertThat(verify(chain(5))).isEqualTo(new ChainVerification(true, null, 5));
    assertThat(verify(List.of())).isEqualTo(new ChainVerification(true, null, 0));
  }

  @Test
  void aChangedEntryBreaksTheChainAtThatEntry() {
    List<AuditEntry> entries = chain(5);
    entries.set(2, withSummary(entries.get(2), "Entry 3, edited"));

    assertThat(verify(entries)).isEqualTo(new ChainVerification(false, 3, 5));
  }

  @Test
  void aChangedDetailBreaksTheChainAtThatEntry() {
    List<AuditEntry> entries = chain(5);
    AuditEntry e = entries.get(1);
    entries.set(
        1,
        new AuditEntry(
            e.contractId(),
            e.seq(),
            e.occurredAt(),
            e.actor(),
            e.kind(),
            e.summary(),
            "{\"n\": 20}",
            e.prevHash(),
            e.hash()));

    assertThat(verify(entries)).isEqualTo(new ChainVerification(false, 2, 5));
  }

  @Test
  void aDeletedEntryBreaksTheChainWhereItWas() {
    List<AuditEntry> entries = chain(5);
    entries.remove(2);

    assertThat(verify(entries)).isEqualTo(new ChainVerification(false, 3, 4));
  }

  @Test
  void aDeletedFirstEntryBreaksTheChainAtOne() {
    List<AuditEntry> entries = chain(3);
    entries.remove(0);

    assertThat(verify(entries)).isEqualTo(new ChainVerification(false, 1, 2));
  }

  /** Rehashing a changed entry moves the break to the next one, whose link no longer fits. */
  @Test
  void aRehashedEntryBreaksTheLinkOfTheNext() {
    List<AuditEntry> entries = chain(5);
    AuditEntry old = entries.get(1);
    entries.set(
        1,
        entry(2, old.occurredAt(), old.actor(), "Entry 2, edited", old.details(), old.prevHash()));

    assertThat(verify(entries)).isEqualTo(new ChainVerification(false, 3, 5));
  }

  /**
   * Deleting an entry and renumbering the rest leaves the renumbered entry linked to a hash that is
   * gone.
   */
  @Test
  void aDeletedAndRenumberedEntryBreaksTheChainWhereItWas() {
    List<AuditEntry> entries = chain(4);
    entries.remove(1);
    AuditEntry e = entries.get(1);
    entries.set(
        1,
        new AuditEntry(
            e.contractId(),
            2,
            e.occurredAt(),
            e.actor(),
            e.kind(),
            e.summary(),
            e.details(),
            e.prevHash(),
            e.hash()));

    assertThat(verify(entries).brokenAtSeq()).isEqualTo(2);
  }

  // --- erasure (issue 21)

  /** An erasure entry appended to the chain, vouching for these sequence numbers and hashes. */
  private static AuditEntry erasure(List<AuditEntry> entries, String vouched) {
    AuditEntry last = entries.get(entries.size() - 1);
    int seq = last.seq() + 1;
    Instant at = last.occurredAt().plusSeconds(1);
    String details = "{\"erasure\":\"e1\",\"redacted\":[" + vouched + "]}";
    String hash =
        EntryHash.of(
            new EntryHash.Input(
                last.hash(),
                CONTRACT,
                seq,
                at,
                "admin",
                AuditKinds.PERSONAL_DATA_ERASED,
                "Personal data removed",
                CanonicalJson.of(details)));
    return new AuditEntry(
        CONTRACT,
        seq,
        at,
        "admin",
        AuditKinds.PERSONAL_DATA_ERASED,
        "Personal data removed",
        details,
        last.hash(),
        hash);
  }

  private static String vouch(AuditEntry redacted) {
    return "{\"seq\":" + redacted.seq() + ",\"hash\":\"" + redacted.expectedHash() + "\"}";
  }

  @Test
  void aRedactedEntryVouchedForByALaterErasureEntryKeepsTheChainIntact() {
    List<AuditEntry> entries = chain(4);
    AuditEntry redacted = withSummary(entries.get(1), "Signed by [erased]");
    entries.set(1, redacted);
    entries.add(erasure(entries, vouch(redacted)));

    assertThat(verify(entries)).isEqualTo(new ChainVerification(true, null, 5));
  }

  @Test
  void aRedactedEntryChangedAgainAfterTheErasureBreaksTheChain() {
    List<AuditEntry> entries = chain(4);
    AuditEntry redacted = withSummary(entries.get(1), "Signed by [erased]");
    entries.set(1, redacted);
    entries.add(erasure(entries, vouch(redacted)));
    entries.set(1, withSummary(redacted, "Signed by somebody else"));

    assertThat(verify(entries)).isEqualTo(new ChainVerification(false, 2, 5));
  }

  @Test
  void anErasureEntryVouchesOnlyForWhatItNames() {
    List<AuditEntry> entries = chain(4);
    AuditEntry redacted = withSummary(entries.get(1), "Signed by [erased]");
    entries.set(1, redacted);
    entries.set(2, withSummary(entries.get(2), "Entry 3, edited"));
    entries.add(erasure(entries, vouch(redacted)));

    assertThat(verify(entries)).isEqualTo(new ChainVerification(false, 3, 5));
  }

  @Test
  void aChangedErasureEntryVouchesForNothing() {
    List<AuditEntry> entries = chain(3);
    AuditEntry redacted = withSummary(entries.get(1), "Signed by [erased]");
    entries.set(1, redacted);
    entries.add(erasure(entries, vouch(redacted)));
    entries.set(3, withSummary(entries.get(3), "Personal data removed, edited"));

    assertThat(verify(entries).intact()).isFalse();
    assertThat(verify(entries).brokenAtSeq()).isEqualTo(2);
  }

  @Test
  void aSaltedEntryVerifiesWithItsSaltAndNotWithout() {
    Instant at = Instant.parse("2026-03-01T09:00:00Z");
    byte[] salt = new byte[EntryHash.SALT_BYTES];
    salt[0] = 7;
    String hash =
        EntryHash.of(
            new EntryHash.Input(
                EntryHash.GENESIS, CONTRACT, 1, at, "rita", "COMMENT", "Hello", "{}", salt));
    AuditEntry salted =
        new AuditEntry(
            CONTRACT, 1, at, "rita", "COMMENT", "Hello", "{}", EntryHash.GENESIS, hash, salt);
    AuditEntry unsalted =
        new AuditEntry(CONTRACT, 1, at, "rita", "COMMENT", "Hello", "{}", EntryHash.GENESIS, hash);

    assertThat(verify(List.of(salted)).intact()).isTrue();
    assertThat(verify(List.of(unsalted)).intact()).isFalse();
    assertThat(hash)
        .isNotEqualTo(
            EntryHash.of(
                new EntryHash.Input(
                    EntryHash.GENESIS, CONTRACT, 1, at, "rita", "COMMENT", "Hello", "{}")));
  }
}

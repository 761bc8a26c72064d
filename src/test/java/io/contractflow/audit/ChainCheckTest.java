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
}

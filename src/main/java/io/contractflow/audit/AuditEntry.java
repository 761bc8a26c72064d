package io.contractflow.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored entry of a contract's audit trail, as the database holds it.
 *
 * @param details the details as PostgreSQL gives them back (same meaning as recorded, not the same
 *     text)
 * @param salt the entry's salt (hash version 2); null for version 1 entries and erased ones
 */
record AuditEntry(
    UUID contractId,
    int seq,
    Instant occurredAt,
    String actor,
    String kind,
    String summary,
    String details,
    String prevHash,
    String hash,
    byte[] salt) {

  AuditEntry(
      UUID contractId,
      int seq,
      Instant occurredAt,
      String actor,
      String kind,
      String summary,
      String details,
      String prevHash,
      String hash) {
    this(contractId, seq, occurredAt, actor, kind, summary, details, prevHash, hash, null);
  }

  /** What the hash of this entry should be, recomputed from its fields. */
  String expectedHash() {
    return EntryHash.of(
        new EntryHash.Input(
            prevHash,
            contractId,
            seq,
            occurredAt,
            actor,
            kind,
            summary,
            CanonicalJson.of(details),
            salt));
  }
}

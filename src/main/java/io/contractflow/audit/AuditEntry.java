package io.contractflow.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored entry of a contract's audit trail, as the database holds it.
 *
 * @param details the details as PostgreSQL gives them back (same meaning as recorded, not the same
 *     text)
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
    String hash) {

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
            CanonicalJson.of(details)));
  }
}

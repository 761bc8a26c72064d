package io.contractflow.audit;

/**
 * Walks a chain in sequence order and finds the first place where it is not as written: a sequence
 * number that is skipped (an entry deleted), a previous hash that is not the hash of the entry
 * before (an entry deleted, inserted or rewritten together with its hash), or a hash that does not
 * match the entry's own fields (an entry changed). Rewriting the whole chain from some point on,
 * with hashes recomputed, is not something a chain can show; comparing the newest hash with a copy
 * kept elsewhere can.
 */
final class ChainCheck {

  private String expectedPrevHash = EntryHash.GENESIS;
  private int expectedSeq = 1;
  private Integer brokenAtSeq;
  private long entries;

  void accept(AuditEntry entry) {
    entries++;
    if (brokenAtSeq != null) {
      return;
    }
    if (entry.seq() != expectedSeq) {
      brokenAtSeq = expectedSeq;
    } else if (!expectedPrevHash.equals(entry.prevHash())
        || !entry.expectedHash().equals(entry.hash())) {
      brokenAtSeq = entry.seq();
    }
    expectedPrevHash = entry.hash();
    expectedSeq++;
  }

  ChainVerification result() {
    return new ChainVerification(brokenAtSeq == null, brokenAtSeq, entries);
  }
}

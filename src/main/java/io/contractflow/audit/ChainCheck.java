package io.contractflow.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks a chain in sequence order and finds the first place where it is not as written: a sequence
 * number that is skipped (an entry deleted), a previous hash that is not the hash of the entry
 * before (an entry deleted, inserted or rewritten together with its hash), or a hash that does not
 * match the entry's own fields (an entry changed). Rewriting the whole chain from some point on,
 * with hashes recomputed, is not something a chain can show; comparing the newest hash with a copy
 * kept elsewhere can.
 *
 * <p>An entry whose fields no longer match its hash because a person named in it was erased is
 * intact if a later {@link AuditKinds#PERSONAL_DATA_ERASED} entry of the same chain (itself intact)
 * vouches for exactly what it holds now: its details list the entry's sequence number with the
 * version 1 hash of its redacted fields ({@link AuditRedaction}). Its stored hash stays, so the
 * entries after it still link to it and the anchors still match.
 */
final class ChainCheck {

  private String expectedPrevHash = EntryHash.GENESIS;
  private int expectedSeq = 1;
  private Integer brokenAtSeq;
  private long entries;

  /** Entries whose fields no longer match their hash: sequence number → hash of what they hold. */
  private final Map<Integer, String> changed = new TreeMap<>();

  /** What erasure entries vouch for: sequence number → hashes of redacted forms. */
  private final Map<Integer, Set<String>> vouched = new HashMap<>();

  void accept(AuditEntry entry) {
    entries++;
    if (brokenAtSeq != null) {
      return;
    }
    if (entry.seq() != expectedSeq) {
      brokenAtSeq = expectedSeq;
    } else if (!expectedPrevHash.equals(entry.prevHash())) {
      brokenAtSeq = entry.seq();
    } else {
      String actual = entry.expectedHash();
      if (!actual.equals(entry.hash())) {
        changed.put(entry.seq(), actual);
      } else if (AuditKinds.PERSONAL_DATA_ERASED.equals(entry.kind())) {
        vouch(entry);
      }
    }
    expectedPrevHash = entry.hash();
    expectedSeq++;
  }

  private void vouch(AuditEntry erasure) {
    JsonNode redacted;
    try {
      redacted = CanonicalJson.parse(erasure.details()).path("redacted");
    } catch (IllegalArgumentException e) {
      return;
    }
    for (JsonNode item : redacted) {
      int seq = item.path("seq").asInt(0);
      String hash = item.path("hash").asText("");
      // only entries before the erasure entry: it was written after redacting them
      if (seq > 0 && seq < erasure.seq() && !hash.isEmpty()) {
        vouched.computeIfAbsent(seq, k -> new HashSet<>()).add(hash);
      }
    }
  }

  ChainVerification result() {
    Integer broken = brokenAtSeq;
    for (Map.Entry<Integer, String> entry : changed.entrySet()) {
      if (broken != null && entry.getKey() >= broken) {
        break;
      }
      if (!vouched.getOrDefault(entry.getKey(), Set.of()).contains(entry.getValue())) {
        broken = entry.getKey();
        break;
      }
    }
    return new ChainVerification(broken == null, broken, entries);
  }
}

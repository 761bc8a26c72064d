package io.contractflow.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.platform.web.PageResponse;
import java.time.Instant;
import java.util.List;

/**
 * One page of a contract's audit trail, and whether the whole trail (not just this page) is intact.
 *
 * @param content the entries of this page, by sequence number
 * @param page where this page sits in the whole trail
 */
record HistoryResponse(
    List<Entry> content, PageResponse.PageInfo page, ChainVerification verification) {

  /** One entry as the API shows it. */
  record Entry(
      int seq,
      Instant at,
      String actor,
      String kind,
      String summary,
      JsonNode details,
      String hash,
      String prevHash) {

    static Entry of(AuditEntry entry) {
      return new Entry(
          entry.seq(),
          entry.occurredAt(),
          entry.actor(),
          entry.kind(),
          entry.summary(),
          CanonicalJson.parse(entry.details()),
          entry.hash(),
          entry.prevHash());
    }
  }
}

package io.contractflow.audit;

import io.contractflow.platform.privacy.PersonalTerms;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a person from one contract's trail without breaking its chain. Each entry naming them gets
 * the redacted text (the person's terms replaced, see {@link PersonalTerms}) and loses its salt;
 * its stored hash stays, so the next entry still links to it and the anchors still match. Then one
 * {@link AuditKinds#PERSONAL_DATA_ERASED} entry (or more, {@value #PER_ENTRY} redacted entries
 * each) is appended, listing every redacted entry's sequence number with the version 1 hash of what
 * it holds now; {@link ChainCheck} accepts a changed entry only if such an entry vouches for
 * exactly that.
 *
 * <p>The entry's original hash cannot be checked any more (its text is gone), and for a version 2
 * entry it cannot be used to confirm a guessed name either (its salt is gone). A version 1 entry
 * (written before V35) has no salt: someone who holds its hash and guesses every word of its
 * original text could confirm the guess. docs/privacy.md says so.
 */
@Component
class AuditRedaction {

  static final int PER_ENTRY = 80;

  private final JdbcTemplate jdbc;
  private final AuditEntries entries;
  private final AuditTrail trail;

  AuditRedaction(JdbcTemplate jdbc, AuditEntries entries, AuditTrail trail) {
    this.jdbc = jdbc;
    this.entries = entries;
    this.trail = trail;
  }

  /**
   * @return how many entries were redacted
   */
  @Transactional(propagation = Propagation.MANDATORY)
  int redact(
      UUID contractId,
      PersonalTerms person,
      String by,
      UUID erasureId,
      BiFunction<String, PersonalTerms, String> detailsRedaction) {
    if (!entries.lockContract(contractId)) {
      return 0;
    }
    String pattern = person.sqlPattern();
    List<AuditEntry> naming =
        jdbc.query(
            "select contract_id, seq, occurred_at, actor, kind, summary, details::text as details,"
                + " prev_hash, hash from contractflow.audit_entry where contract_id = ?"
                + " and (actor ~* ? or summary ~* ? or details::text ~* ?) order by seq",
            (rs, n) ->
                new AuditEntry(
                    rs.getObject("contract_id", UUID.class),
                    rs.getInt("seq"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    rs.getString("actor"),
                    rs.getString("kind"),
                    rs.getString("summary"),
                    rs.getString("details"),
                    rs.getString("prev_hash"),
                    rs.getString("hash")),
            contractId,
            pattern,
            pattern,
            pattern);
    List<Map<String, Object>> vouched = new ArrayList<>();
    for (AuditEntry entry : naming) {
      String actor = fit(person.redact(entry.actor()), AuditTrail.MAX_ACTOR);
      String summary = fit(person.redact(entry.summary()), AuditTrail.MAX_SUMMARY);
      String details = detailsRedaction.apply(entry.details(), person);
      jdbc.update(
          "update contractflow.audit_entry set actor = ?, summary = ?, details = ?::jsonb,"
              + " salt = null where contract_id = ? and seq = ?",
          actor,
          summary,
          details,
          contractId,
          entry.seq());
      String hash =
          EntryHash.of(
              new EntryHash.Input(
                  entry.prevHash(),
                  contractId,
                  entry.seq(),
                  entry.occurredAt(),
                  actor,
                  entry.kind(),
                  summary,
                  details));
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("seq", entry.seq());
      item.put("hash", hash);
      vouched.add(item);
    }
    for (int from = 0; from < vouched.size(); from += PER_ENTRY) {
      List<Map<String, Object>> part =
          vouched.subList(from, Math.min(vouched.size(), from + PER_ENTRY));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("erasure", erasureId);
      details.put("redacted", part);
      trail.record(
          contractId,
          by,
          AuditKinds.PERSONAL_DATA_ERASED,
          "Personal data of an erased person removed by "
              + by
              + " from "
              + part.size()
              + (part.size() == 1 ? " earlier entry" : " earlier entries")
              + " (erasure "
              + erasureId
              + ")",
          details);
    }
    return naming.size();
  }

  private static String fit(String value, int max) {
    String text = value == null || value.isBlank() ? PersonalTerms.ERASED : value;
    return text.length() <= max ? text : text.substring(0, max);
  }
}

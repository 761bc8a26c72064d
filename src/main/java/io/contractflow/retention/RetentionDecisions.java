package io.contractflow.retention;

import io.contractflow.security.SecurityLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's answer to a retention run: confirmed (but for the references they keep) or rejected.
 * Recorded in the security log with who, how many contracts were listed, deleted and kept.
 */
@Service
public class RetentionDecisions {

  private final JdbcTemplate jdbc;
  private final SecurityLog securityLog;

  RetentionDecisions(JdbcTemplate jdbc, SecurityLog securityLog) {
    this.jdbc = jdbc;
    this.securityLog = securityLog;
  }

  /**
   * The contracts to delete: none when rejected, else the listed ones but those whose reference the
   * admin kept.
   *
   * @param keepReferences references separated by commas, semicolons or white space; null for none
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<UUID> decide(
      String runId,
      boolean confirmed,
      String confirmedBy,
      List<UUID> listed,
      String keepReferences,
      String comment) {
    Set<String> keep = references(keepReferences);
    List<UUID> toDelete = new ArrayList<>();
    Set<String> keptListed = new LinkedHashSet<>();
    if (confirmed && !listed.isEmpty()) {
      Map<UUID, String> referenceOf = new LinkedHashMap<>();
      jdbc.query(
          "select id, reference from contractflow.contract where id = any (?)",
          rs -> {
            referenceOf.put(rs.getObject(1, UUID.class), rs.getString(2));
          },
          (Object) listed.toArray(UUID[]::new));
      for (UUID id : listed) {
        String reference = referenceOf.get(id);
        if (reference != null && keep.contains(reference.toUpperCase(Locale.ROOT))) {
          keptListed.add(reference);
        } else {
          toDelete.add(id);
        }
      }
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("retention.run", runId);
    facts.put("retention.listed", listed.size());
    facts.put("retention.to_delete", toDelete.size());
    facts.put("retention.kept", String.join(",", keptListed));
    facts.put("retention.commented", comment != null && !comment.isBlank());
    securityLog.retention(
        confirmed ? "retention-run-confirmed" : "retention-run-rejected", confirmedBy, facts);
    return toDelete;
  }

  /** A run ended: how many contracts were deleted or kept, by outcome. */
  public void finished(String runId, String confirmedBy, Map<String, Long> outcomes) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("retention.run", runId);
    outcomes.forEach((outcome, n) -> facts.put("retention." + outcome.toLowerCase(Locale.ROOT), n));
    securityLog.retention("retention-run-finished", confirmedBy, facts);
  }

  static Set<String> references(String text) {
    Set<String> found = new LinkedHashSet<>();
    if (text != null) {
      Arrays.stream(text.split("[,;\\s]+"))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .map(s -> s.toUpperCase(Locale.ROOT))
          .forEach(found::add);
    }
    return found;
  }
}

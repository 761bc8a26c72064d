package io.contractflow.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What retention runs did, as recorded in {@code retention_deletion} (compliance evidence). */
@Service
public class RetentionEvidence {

  static final int LISTED = 500;

  private final JdbcTemplate jdbc;

  RetentionEvidence(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One contract a run handled. {@code deleted} is the rows per store, as JSON. */
  public record Entry(
      String runId,
      UUID contractId,
      String reference,
      String contractType,
      LocalDate endedOn,
      Integer keepMonths,
      String outcome,
      String confirmedBy,
      String deleted,
      Instant at) {}

  @Transactional(readOnly = true)
  public List<Entry> newest() {
    return jdbc.query(
        "select * from contractflow.retention_deletion order by at desc limit " + LISTED,
        (rs, n) ->
            new Entry(
                rs.getString("run_id"),
                rs.getObject("contract_id", UUID.class),
                rs.getString("reference"),
                rs.getString("contract_type"),
                rs.getObject("ended_on", LocalDate.class),
                (Integer) rs.getObject("keep_months"),
                rs.getString("outcome"),
                rs.getString("confirmed_by"),
                rs.getString("deleted"),
                rs.getObject("at", OffsetDateTime.class).toInstant()));
  }

  /** A run's entries: how many contracts ended with each outcome. */
  @Transactional(readOnly = true)
  public java.util.Map<String, Long> outcomesOf(String runId) {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.query(
        "select outcome, count(*) from contractflow.retention_deletion where run_id = ?"
            + " group by outcome",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        },
        runId);
    return counts;
  }
}

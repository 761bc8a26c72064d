package io.contractflow.retention;

import io.contractflow.contract.ContractType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contracts past their retention: expired or terminated, not under legal hold, and ended more
 * than their type's months ago. A contract ended on the earlier of its end date and the day its
 * status became EXPIRED or TERMINATED (its trail's last status change): an expired contract on its
 * end date (an imported one that ended years ago too), a contract terminated early on the day it
 * was terminated.
 */
@Service
public class ContractsDueForDeletion {

  /** At most this many contracts per run; the next run takes the rest. */
  static final int MAX_PER_RUN = 500;

  private static final String ENDED_ON =
      """
      least(c.end_date, coalesce(
        (select max(a.occurred_at) from contractflow.audit_entry a
          where a.contract_id = c.id and a.kind = 'STATUS_CHANGED'),
        c.updated_at)::date)
      """;

  private static final String DUE =
      """
      select c.id, c.reference, c.type, c.status, ended.ended_on,
        coalesce(p.keep_months, d.keep_months) as keep_months
      from contractflow.contract c
      cross join lateral (select %s as ended_on) ended
      left join contractflow.retention_policy p on p.contract_type = c.type
      join contractflow.retention_policy d on d.contract_type = 'DEFAULT'
      where c.status in ('EXPIRED', 'TERMINATED')
        and c.legal_hold_placed_at is null
        and ended.ended_on + make_interval(months => coalesce(p.keep_months, d.keep_months)) <= ?
      """
          .formatted(ENDED_ON);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ContractsDueForDeletion(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * A contract due for deletion: reference, type, status, the day it ended, the months its type
   * keeps it, the day it became due. No title or party: what is listed goes into the process's
   * variables and the evidence, which outlive the contract.
   */
  public record Due(
      UUID contractId,
      String reference,
      ContractType type,
      String status,
      LocalDate endedOn,
      int keepMonths) {

    public LocalDate dueOn() {
      return endedOn.plusMonths(keepMonths);
    }
  }

  /** The contracts due today, oldest end first, at most {@value #MAX_PER_RUN}. */
  @Transactional(readOnly = true)
  public List<Due> list() {
    return jdbc.query(
        DUE + " order by ended.ended_on, c.reference limit " + MAX_PER_RUN,
        (rs, n) -> due(rs),
        today());
  }

  /**
   * The contract if it is still due now, its row locked for the caller's transaction: a hold placed
   * since it was listed, a status or policy changed since, shows here.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Due> stillDue(UUID contractId) {
    jdbc.queryForList(
        "select id from contractflow.contract where id = ? for update", UUID.class, contractId);
    return jdbc.query(DUE + " and c.id = ?", (rs, n) -> due(rs), today(), contractId).stream()
        .findFirst();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  private static Due due(ResultSet rs) throws SQLException {
    return new Due(
        rs.getObject("id", UUID.class),
        rs.getString("reference"),
        ContractType.valueOf(rs.getString("type")),
        rs.getString("status"),
        rs.getObject("ended_on", LocalDate.class),
        rs.getInt("keep_months"));
  }
}

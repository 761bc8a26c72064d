package io.contractflow.report;

import io.contractflow.contract.ContractScope;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Obligations by counterparty: the instalments due in the window (the months before and the next 90
 * days) that are still due, overdue (open past their due date), met on time, met late, missed or
 * waived, split by whose side owes them.
 */
@Component
class ObligationsReport {

  static final String NAME = "obligations";

  /** How far ahead instalments still to come are counted. */
  static final int AHEAD_DAYS = 90;

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  ObligationsReport(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Report build(ContractScope scope, Integer months) {
    ReportWindow window = ReportWindow.of(months, clock);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate from = LocalDate.ofInstant(window.from(), ZoneOffset.UTC);
    LocalDate to = today.plusDays(AHEAD_DAYS);
    Map<String, Object> params = new HashMap<>(scope.parameters());
    params.put("from", Date.valueOf(from));
    params.put("to", Date.valueOf(to));
    params.put("today", Date.valueOf(today));
    List<List<Object>> rows = new ArrayList<>();
    Map<String, long[]> byCounterparty = new LinkedHashMap<>();
    jdbc.query(
        "select cp.name as counterparty, o.owed_by,"
            + " count(*) filter (where i.status = 'OPEN' and i.due_on >= :today) as due,"
            + " count(*) filter (where i.status = 'OPEN' and i.due_on < :today) as overdue,"
            + " count(*) filter (where i.status = 'MET_ON_TIME') as met_on_time,"
            + " count(*) filter (where i.status = 'MET_LATE') as met_late,"
            + " count(*) filter (where i.status = 'MISSED') as missed,"
            + " count(*) filter (where i.status = 'WAIVED') as waived"
            + " from contractflow.obligation_instalment i"
            + " join contractflow.obligation o on o.id = i.obligation_id"
            + " join contractflow.contract c on c.id = i.contract_id"
            + " join contractflow.counterparty cp on cp.id = c.counterparty_id"
            + " where i.due_on between :from and :to and i.status <> 'CANCELLED' and "
            + scope.onContract("c")
            + " group by cp.name, o.owed_by order by cp.name, o.owed_by",
        params,
        rs -> {
          String counterparty = rs.getString("counterparty");
          long[] values = {
            rs.getLong("due"),
            rs.getLong("overdue"),
            rs.getLong("met_on_time"),
            rs.getLong("met_late"),
            rs.getLong("missed"),
            rs.getLong("waived")
          };
          long[] sum = byCounterparty.computeIfAbsent(counterparty, k -> new long[6]);
          for (int i = 0; i < values.length; i++) {
            sum[i] += values[i];
          }
          rows.add(
              Arrays.asList(
                  counterparty,
                  rs.getString("owed_by"),
                  values[0],
                  values[1],
                  values[2],
                  values[3],
                  values[4],
                  values[5]));
        });
    List<String> labels = new ArrayList<>(byCounterparty.keySet());
    String[] names = {"Due", "Overdue", "Met on time", "Met late", "Missed", "Waived"};
    List<Report.Series> series = new ArrayList<>();
    for (int s = 0; s < names.length; s++) {
      int index = s;
      series.add(
          new Report.Series(
              names[s], labels.stream().map(l -> (Number) byCounterparty.get(l)[index]).toList()));
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("months", window.months());
    parameters.put("from", from.toString());
    parameters.put("to", to.toString());
    return new Report(
        NAME,
        "Obligations: due, overdue and met, by counterparty",
        clock.instant(),
        ReportQueries.scopeName(scope),
        parameters,
        List.of(
            "Instalments due from the first day of the window to "
                + AHEAD_DAYS
                + " days ahead; cancelled ones (the contract ended) are left out.",
            "Overdue: still open after its due date. Owed by US or the COUNTERPARTY."),
        List.of(
            new Report.Chart(
                "by-counterparty", "Instalments by counterparty", "bar", labels, series)),
        new Report.Table(
            List.of(
                new Report.Column("counterparty", "Counterparty", "string"),
                new Report.Column("owedBy", "Owed by", "string"),
                new Report.Column("due", "Due", "number"),
                new Report.Column("overdue", "Overdue", "number"),
                new Report.Column("metOnTime", "Met on time", "number"),
                new Report.Column("metLate", "Met late", "number"),
                new Report.Column("missed", "Missed", "number"),
                new Report.Column("waived", "Waived", "number")),
            rows));
  }
}

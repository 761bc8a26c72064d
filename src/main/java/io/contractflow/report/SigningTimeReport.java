package io.contractflow.report;

import io.contractflow.contract.ContractScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signing time by provider: of the signing requests sent in the window, how many each provider
 * completed, how many were declined, expired, cancelled or are still open, and how long completed
 * ones took from sending to the last signature (p50, p90, hours). Read from the signing requests'
 * own table in one aggregate.
 */
@Component
class SigningTimeReport {

  static final String NAME = "signing-times";

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  SigningTimeReport(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Report build(ContractScope scope, Integer months) {
    ReportWindow window = ReportWindow.of(months, clock);
    String sql =
        """
        select r.provider, count(*) as sent,
               count(*) filter (where r.status = 'COMPLETED') as completed,
               count(*) filter (where r.status = 'DECLINED') as declined,
               count(*) filter (where r.status = 'EXPIRED') as expired,
               count(*) filter (where r.status = 'CANCELLED') as cancelled,
               count(*) filter (where r.status = 'OPEN') as open,
               percentile_cont(0.5) within group (order by extract(epoch from r.completed_at - r.created_at))
                   filter (where r.status = 'COMPLETED') / 3600.0 as p50,
               percentile_cont(0.9) within group (order by extract(epoch from r.completed_at - r.created_at))
                   filter (where r.status = 'COMPLETED') / 3600.0 as p90
        from contractflow.signing_request r
        where r.created_at >= :from and r.created_at < :to and %s
        group by r.provider order by r.provider
        """
            .formatted(scope.onContractId("r.contract_id"));
    Map<String, Object> params = ReportQueries.params(scope);
    params.put("from", Timestamp.from(window.from()));
    params.put("to", Timestamp.from(window.to()));
    List<List<Object>> rows =
        jdbc.query(
            sql,
            params,
            (rs, i) -> {
              Object p50 =
                  rs.getObject("p50") == null ? null : ReportQueries.round(rs.getDouble("p50"), 2);
              Object p90 =
                  rs.getObject("p90") == null ? null : ReportQueries.round(rs.getDouble("p90"), 2);
              return Arrays.asList(
                  rs.getString("provider"),
                  rs.getLong("sent"),
                  rs.getLong("completed"),
                  rs.getLong("declined"),
                  rs.getLong("expired"),
                  rs.getLong("cancelled"),
                  rs.getLong("open"),
                  p50,
                  p90);
            });
    List<String> providers = rows.stream().map(r -> (String) r.get(0)).toList();
    List<Report.Chart> charts = new ArrayList<>();
    charts.add(
        new Report.Chart(
            "time-by-provider",
            "Time to signed by provider (hours)",
            "bar",
            providers,
            List.of(
                new Report.Series("p50", rows.stream().map(r -> (Number) r.get(7)).toList()),
                new Report.Series("p90", rows.stream().map(r -> (Number) r.get(8)).toList()))));
    charts.add(
        new Report.Chart(
            "outcome-by-provider",
            "Signing requests by provider and outcome",
            "bar",
            providers,
            List.of(
                column("completed", rows, 2),
                column("declined", rows, 3),
                column("expired", rows, 4),
                column("cancelled", rows, 5),
                column("open", rows, 6))));
    List<Report.Column> columns =
        List.of(
            new Report.Column("provider", "Provider", "string"),
            new Report.Column("sent", "Sent", "number"),
            new Report.Column("completed", "Completed", "number"),
            new Report.Column("declined", "Declined", "number"),
            new Report.Column("expired", "Expired", "number"),
            new Report.Column("cancelled", "Cancelled", "number"),
            new Report.Column("open", "Open", "number"),
            new Report.Column("p50Hours", "p50 to signed (hours)", "number"),
            new Report.Column("p90Hours", "p90 to signed (hours)", "number"));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("months", window.months());
    parameters.put("from", window.from().toString());
    parameters.put("to", window.to().toString());
    return new Report(
        NAME,
        "Signing time by provider",
        clock.instant(),
        ReportQueries.scopeName(scope),
        parameters,
        List.of(
            "Signing requests sent in the window; time to signed runs from sending to the last"
                + " signature (completed requests only)."),
        charts,
        new Report.Table(columns, rows));
  }

  private static Report.Series column(String name, List<List<Object>> rows, int index) {
    return new Report.Series(name, rows.stream().map(r -> (Number) r.get(index)).toList());
  }
}

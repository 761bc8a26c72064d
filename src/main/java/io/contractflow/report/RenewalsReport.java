package io.contractflow.report;

import io.contractflow.contract.ContractScope;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.workflow.LifecycleProperties;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Renewals and expiries: active contracts whose term ends, or whose notice deadline falls, within
 * the next {@code days} days (today included, in the zone of contract dates). The notice deadline
 * is the last day on which notice may be given: the end date less the notice period ({@code
 * contract.NoticeDeadline}). Counted in the buckets 0–30, 31–60 and 61–90 days (and beyond, up to
 * {@code days}).
 */
@Component
class RenewalsReport {

  static final String NAME = "renewals";
  static final int DEFAULT_DAYS = 90;
  static final int MAX_DAYS = 365;

  /** The longest notice period a contract may have (V1's check): bounds the end dates to read. */
  private static final int MAX_NOTICE_DAYS = 730;

  private static final List<int[]> BUCKETS =
      List.of(new int[] {0, 30}, new int[] {31, 60}, new int[] {61, 90});

  private final NamedParameterJdbcTemplate jdbc;
  private final LifecycleProperties lifecycle;
  private final Clock clock;

  RenewalsReport(NamedParameterJdbcTemplate jdbc, LifecycleProperties lifecycle, Clock clock) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  Report build(ContractScope scope, Integer requestedDays) {
    int days = requestedDays == null ? DEFAULT_DAYS : requestedDays;
    if (days < 1 || days > MAX_DAYS) {
      throw InvalidInputException.field(
          "days", "must be between 1 and " + MAX_DAYS + " (default " + DEFAULT_DAYS + ")");
    }
    LocalDate today = LocalDate.now(clock.withZone(lifecycle.zone()));
    LocalDate until = today.plusDays(days - 1L);
    String sql =
        """
        select c.reference, c.title, c.type, c.owner, cp.name as counterparty, c.end_date,
               case when c.notice_period_days is not null then c.end_date - c.notice_period_days end as notice_deadline,
               c.auto_renew, c.value_amount, c.value_currency
        from contractflow.contract c join contractflow.counterparty cp on cp.id = c.counterparty_id
        where c.status = 'ACTIVE' and c.end_date >= :today and c.end_date <= :horizon
          and (c.end_date <= :until
               or (c.notice_period_days is not null and c.end_date - c.notice_period_days between :today and :until))
          and %s
        order by least(c.end_date, case when c.notice_period_days is not null
                       and c.end_date - c.notice_period_days >= :today then c.end_date - c.notice_period_days end),
                 c.reference
        """
            .formatted(scope.onContract("c"));
    Map<String, Object> params = ReportQueries.params(scope);
    params.put("today", today);
    params.put("until", until);
    params.put("horizon", until.plusDays(MAX_NOTICE_DAYS));
    List<List<Object>> rows = new ArrayList<>();
    long[] ending = new long[BUCKETS.size() + 1];
    long[] notice = new long[BUCKETS.size() + 1];
    jdbc.query(
        sql,
        params,
        rs -> {
          LocalDate end = rs.getObject("end_date", LocalDate.class);
          LocalDate deadline = rs.getObject("notice_deadline", LocalDate.class);
          Long endIn = end.isAfter(until) ? null : ChronoUnit.DAYS.between(today, end);
          Long noticeIn =
              deadline == null || deadline.isBefore(today) || deadline.isAfter(until)
                  ? null
                  : ChronoUnit.DAYS.between(today, deadline);
          if (endIn != null) {
            ending[bucket(endIn)]++;
          }
          if (noticeIn != null) {
            notice[bucket(noticeIn)]++;
          }
          BigDecimal value = rs.getBigDecimal("value_amount");
          rows.add(
              Arrays.asList(
                  rs.getString("reference"),
                  rs.getString("title"),
                  rs.getString("type"),
                  rs.getString("owner"),
                  rs.getString("counterparty"),
                  end.toString(),
                  endIn,
                  deadline == null ? null : deadline.toString(),
                  noticeIn,
                  rs.getBoolean("auto_renew"),
                  value,
                  rs.getString("value_currency")));
        });
    List<String> labels = new ArrayList<>();
    for (int[] b : BUCKETS) {
      labels.add(b[0] + "–" + b[1] + " days");
    }
    int shown = days > 91 ? BUCKETS.size() + 1 : bucketsUpTo(days);
    if (days > 91) {
      labels.add("91–" + (days - 1) + " days");
    }
    List<String> chartLabels = labels.subList(0, shown);
    Report.Chart chart =
        new Report.Chart(
            "by-days",
            "Active contracts ending, and notice deadlines, in the next " + days + " days",
            "bar",
            chartLabels,
            List.of(
                new Report.Series("ending", counts(ending, shown)),
                new Report.Series("notice deadline", counts(notice, shown))));
    List<Report.Column> columns =
        List.of(
            new Report.Column("reference", "Reference", "string"),
            new Report.Column("title", "Title", "string"),
            new Report.Column("type", "Type", "string"),
            new Report.Column("owner", "Owner", "string"),
            new Report.Column("counterparty", "Counterparty", "string"),
            new Report.Column("endDate", "End date", "date"),
            new Report.Column("endsInDays", "Ends in (days)", "number"),
            new Report.Column("noticeDeadline", "Notice deadline", "date"),
            new Report.Column("noticeInDays", "Notice deadline in (days)", "number"),
            new Report.Column("autoRenew", "Renews automatically", "string"),
            new Report.Column("value", "Value", "number"),
            new Report.Column("currency", "Currency", "string"));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("days", days);
    parameters.put("from", today.toString());
    parameters.put("to", until.toString());
    return new Report(
        NAME,
        "Renewals and expiries in the next " + days + " days",
        clock.instant(),
        ReportQueries.scopeName(scope),
        parameters,
        List.of(
            "Active contracts only. Days count from today ("
                + today
                + ", "
                + lifecycle.zone()
                + "); a notice deadline is the last day on which notice may be given"
                + " (end date less the notice period)."),
        List.of(chart),
        new Report.Table(columns, rows));
  }

  private static int bucket(long daysAway) {
    for (int i = 0; i < BUCKETS.size(); i++) {
      if (daysAway <= BUCKETS.get(i)[1]) {
        return i;
      }
    }
    return BUCKETS.size();
  }

  private static int bucketsUpTo(int days) {
    for (int i = 0; i < BUCKETS.size(); i++) {
      if (days - 1 <= BUCKETS.get(i)[1]) {
        return i + 1;
      }
    }
    return BUCKETS.size();
  }

  private static List<Number> counts(long[] values, int n) {
    List<Number> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(values[i]);
    }
    return list;
  }
}

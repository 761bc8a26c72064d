package io.contractflow.report;

import io.contractflow.contract.ContractScope;
import io.contractflow.workflow.history.EngineHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Overdue and escalated reviews: the open review tasks past their due date or escalated to the
 * contract admins now (with their contracts), and, by month, how many review tasks were completed
 * late or after an escalation.
 */
@Component
class OverdueReviewsReport {

  static final String NAME = "overdue-reviews";

  /** At most this many open tasks are listed (most overdue first). */
  static final int LISTED = 500;

  private final EngineHistory history;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  OverdueReviewsReport(EngineHistory history, NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.history = history;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private record Facts(String reference, String title, String owner) {}

  Report build(ContractScope scope, Integer months) {
    ReportWindow window = ReportWindow.of(months, clock);
    Instant now = clock.instant();
    List<EngineHistory.OpenReview> open = history.overdueReviews(scope, now, LISTED + 1);
    boolean truncated = open.size() > LISTED;
    if (truncated) {
      open = open.subList(0, LISTED);
    }
    Map<UUID, Facts> contracts = new HashMap<>();
    if (!open.isEmpty()) {
      jdbc.query(
          "select id, reference, title, owner from contractflow.contract where id in (:ids)",
          Map.of(
              "ids", open.stream().map(EngineHistory.OpenReview::contractId).distinct().toList()),
          rs -> {
            contracts.put(
                rs.getObject("id", UUID.class),
                new Facts(rs.getString("reference"), rs.getString("title"), rs.getString("owner")));
          });
    }
    List<EngineHistory.LateReviews> late = history.lateReviews(scope, window.from(), window.to());
    Map<String, long[]> byGroup = new TreeMap<>();
    List<List<Object>> rows = new ArrayList<>();
    for (EngineHistory.OpenReview r : open) {
      Facts facts = contracts.getOrDefault(r.contractId(), new Facts(null, null, null));
      boolean overdue = r.due() != null && r.due().isBefore(now);
      String group = r.approverGroup() == null ? "(none)" : r.approverGroup();
      long[] counts = byGroup.computeIfAbsent(group, g -> new long[2]);
      counts[0] += overdue ? 1 : 0;
      counts[1] += r.escalated() ? 1 : 0;
      rows.add(
          Arrays.asList(
              facts.reference(),
              facts.title(),
              facts.owner(),
              group,
              r.assignee(),
              r.created().toString(),
              r.due() == null ? null : r.due().toString(),
              overdue
                  ? ReportQueries.round(Duration.between(r.due(), now).toMinutes() / 1440.0, 1)
                  : null,
              r.escalated()));
    }
    List<String> groups = new ArrayList<>(byGroup.keySet());
    List<String> monthLabels = CycleTimeReport.months(window);
    Map<String, EngineHistory.LateReviews> lateByMonth =
        late.stream().collect(Collectors.toMap(EngineHistory.LateReviews::month, l -> l));
    List<Report.Chart> charts =
        List.of(
            new Report.Chart(
                "open-by-group",
                "Open reviews past due or escalated, by approver group",
                "bar",
                groups,
                List.of(
                    new Report.Series(
                        "overdue", groups.stream().map(g -> (Number) byGroup.get(g)[0]).toList()),
                    new Report.Series(
                        "escalated",
                        groups.stream().map(g -> (Number) byGroup.get(g)[1]).toList()))),
            new Report.Chart(
                "late-by-month",
                "Review tasks completed, completed late, and escalated, by month",
                "bar",
                monthLabels,
                List.of(
                    monthly(
                        "completed",
                        monthLabels,
                        lateByMonth,
                        EngineHistory.LateReviews::completed),
                    monthly("late", monthLabels, lateByMonth, EngineHistory.LateReviews::late),
                    monthly(
                        "escalated",
                        monthLabels,
                        lateByMonth,
                        EngineHistory.LateReviews::escalated))));
    List<Report.Column> columns =
        List.of(
            new Report.Column("reference", "Reference", "string"),
            new Report.Column("title", "Title", "string"),
            new Report.Column("owner", "Owner", "string"),
            new Report.Column("approverGroup", "Approver group", "string"),
            new Report.Column("assignee", "Claimed by", "string"),
            new Report.Column("created", "Waiting since", "date"),
            new Report.Column("due", "Due", "date"),
            new Report.Column("daysOverdue", "Days overdue", "number"),
            new Report.Column("escalated", "Escalated", "string"));
    List<String> notes = new ArrayList<>();
    notes.add(
        "The table lists the open review tasks that are past due or escalated now, most overdue"
            + " first; the monthly chart counts review tasks completed in the window.");
    if (truncated) {
      notes.add("Only the " + LISTED + " most overdue tasks are listed.");
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("months", window.months());
    parameters.put("from", window.from().toString());
    parameters.put("to", window.to().toString());
    return new Report(
        NAME,
        "Overdue and escalated reviews",
        now,
        ReportQueries.scopeName(scope),
        parameters,
        notes,
        charts,
        new Report.Table(columns, rows));
  }

  private static Report.Series monthly(
      String name,
      List<String> months,
      Map<String, EngineHistory.LateReviews> byMonth,
      java.util.function.ToLongFunction<EngineHistory.LateReviews> value) {
    return new Report.Series(
        name,
        months.stream()
            .map(m -> (Number) (byMonth.containsKey(m) ? value.applyAsLong(byMonth.get(m)) : 0L))
            .toList());
  }
}

package io.contractflow.report;

import io.contractflow.contract.ContractScope;
import io.contractflow.workflow.history.EngineHistory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Approval outcomes from the engine's history: how review rounds ended (approved, rejected, changes
 * requested) by month, and rework loops — how many times contracts were sent back for changes.
 */
@Component
class ApprovalOutcomesReport {

  static final String NAME = "approval-outcomes";

  private final EngineHistory history;
  private final Clock clock;

  ApprovalOutcomesReport(EngineHistory history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  Report build(ContractScope scope, Integer months) {
    ReportWindow window = ReportWindow.of(months, clock);
    List<EngineHistory.ReviewRounds> rounds =
        history.reviewRounds(scope, window.from(), window.to());
    List<EngineHistory.Rework> rework = history.rework(scope, window.from(), window.to());
    List<String> monthLabels = CycleTimeReport.months(window);
    Map<String, EngineHistory.ReviewRounds> byMonth =
        rounds.stream().collect(Collectors.toMap(EngineHistory.ReviewRounds::month, r -> r));
    List<Report.Chart> charts = new ArrayList<>();
    charts.add(
        new Report.Chart(
            "rounds-by-month",
            "Review rounds by outcome and month",
            "bar",
            monthLabels,
            List.of(
                series("approved", monthLabels, byMonth, EngineHistory.ReviewRounds::approved),
                series("rejected", monthLabels, byMonth, EngineHistory.ReviewRounds::rejected),
                series(
                    "changes requested",
                    monthLabels,
                    byMonth,
                    EngineHistory.ReviewRounds::changesRequested))));
    long approved = sum(rounds, EngineHistory.ReviewRounds::approved);
    long rejected = sum(rounds, EngineHistory.ReviewRounds::rejected);
    long changes = sum(rounds, EngineHistory.ReviewRounds::changesRequested);
    long other = sum(rounds, EngineHistory.ReviewRounds::other);
    charts.add(
        new Report.Chart(
            "outcomes",
            "Review rounds by outcome",
            "bar",
            List.of("approved", "rejected", "changes requested"),
            List.of(new Report.Series("rounds", List.of(approved, rejected, changes)))));
    Map<Integer, Long> loops =
        rework.stream()
            .collect(
                Collectors.toMap(EngineHistory.Rework::loops, EngineHistory.Rework::contracts));
    List<String> loopLabels = List.of("0", "1", "2", "3 or more");
    List<Number> loopCounts = new ArrayList<>();
    for (int i = 0; i <= 3; i++) {
      loopCounts.add(loops.getOrDefault(i, 0L));
    }
    charts.add(
        new Report.Chart(
            "rework-loops",
            "Contracts by times sent back for changes",
            "bar",
            loopLabels,
            List.of(new Report.Series("contracts", loopCounts))));
    List<List<Object>> rows = new ArrayList<>();
    for (EngineHistory.ReviewRounds r : rounds) {
      rows.add(
          Arrays.asList(
              "rounds",
              r.month(),
              r.approved(),
              r.rejected(),
              r.changesRequested(),
              r.approved() + r.rejected() + r.changesRequested() + r.other()));
    }
    rows.add(
        Arrays.asList(
            "rounds", "total", approved, rejected, changes, approved + rejected + changes + other));
    for (int i = 0; i <= 3; i++) {
      rows.add(
          Arrays.asList("rework loops", loopLabels.get(i), null, null, null, loopCounts.get(i)));
    }
    List<Report.Column> columns =
        List.of(
            new Report.Column("measure", "Measure", "string"),
            new Report.Column("key", "Month, or times sent back", "string"),
            new Report.Column("approved", "Approved", "number"),
            new Report.Column("rejected", "Rejected", "number"),
            new Report.Column("changesRequested", "Changes requested", "number"),
            new Report.Column("total", "Rounds (rework: contracts)", "number"));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("months", window.months());
    parameters.put("from", window.from().toString());
    parameters.put("to", window.to().toString());
    return new Report(
        NAME,
        "Approval outcomes and rework loops",
        clock.instant(),
        ReportQueries.scopeName(scope),
        parameters,
        List.of(
            "A review round is one run of the review model that finished in the window; it ends"
                + " approved (also when the approval matrix named no approvers), rejected, or with"
                + " changes requested (the contract goes back to draft). Cancelled rounds are not"
                + " counted.",
            "Rework loops: of the contracts with a round in the window, how many times each was sent"
                + " back for changes in the window."),
        charts,
        new Report.Table(columns, rows));
  }

  private static Report.Series series(
      String name,
      List<String> months,
      Map<String, EngineHistory.ReviewRounds> byMonth,
      ToLongFunction<EngineHistory.ReviewRounds> value) {
    return new Report.Series(
        name,
        months.stream()
            .map(m -> (Number) (byMonth.containsKey(m) ? value.applyAsLong(byMonth.get(m)) : 0L))
            .toList());
  }

  private static long sum(
      List<EngineHistory.ReviewRounds> rounds, ToLongFunction<EngineHistory.ReviewRounds> value) {
    return rounds.stream().mapToLong(value).sum();
  }
}

package io.contractflow.report;

import io.contractflow.contract.ContractScope;
import io.contractflow.workflow.history.EngineHistory;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Cycle time from the engine's history: how long each lifecycle phase took (completed instances of
 * its model), and how long review tasks waited for their approver group and approver, as median
 * (p50) and 90th percentile (p90) in hours, over the window and by month.
 */
@Component
class CycleTimeReport {

  static final String NAME = "cycle-times";

  private static final Map<String, String> PHASE_NAMES =
      Map.of(
          "contract-drafting", "Drafting",
          "contract-review", "Review",
          "contract-signing", "Signing",
          "contract-term", "Term",
          "contract-closure", "Closure");

  private final EngineHistory history;
  private final Clock clock;

  CycleTimeReport(EngineHistory history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  Report build(ContractScope scope, Integer months) {
    ReportWindow window = ReportWindow.of(months, clock);
    List<EngineHistory.Durations> phases =
        history.phaseDurations(scope, window.from(), window.to());
    List<EngineHistory.ReviewDurations> reviews =
        history.reviewDurations(scope, window.from(), window.to());
    List<String> monthLabels = months(window);
    List<Report.Chart> charts = new ArrayList<>();
    List<EngineHistory.Durations> overall = phases.stream().filter(d -> d.month() == null).toList();
    charts.add(percentiles("by-phase", "Phase duration (hours)", overall, d -> phase(d.key())));
    List<Report.Series> trend = new ArrayList<>();
    for (EngineHistory.Durations phase : overall) {
      Map<String, Double> p50 =
          phases.stream()
              .filter(d -> d.month() != null && d.key().equals(phase.key()))
              .collect(Collectors.toMap(EngineHistory.Durations::month, d -> hours(d.p50Hours())));
      trend.add(
          new Report.Series(
              phase(phase.key()) + " p50",
              monthLabels.stream().map(m -> (Number) p50.get(m)).toList()));
    }
    charts.add(
        new Report.Chart(
            "phase-trend", "Phase duration by month, p50 (hours)", "line", monthLabels, trend));
    charts.add(
        percentiles(
            "by-approver-group",
            "Review time by approver group (hours)",
            reviewsOf(reviews, "group"),
            EngineHistory.Durations::key));
    charts.add(
        percentiles(
            "by-approver",
            "Review time by approver (hours)",
            reviewsOf(reviews, "approver"),
            EngineHistory.Durations::key));
    Map<String, EngineHistory.Durations> reviewMonths =
        reviewsOf(reviews, "month").stream()
            .collect(Collectors.toMap(EngineHistory.Durations::key, d -> d));
    charts.add(
        new Report.Chart(
            "review-trend",
            "Review time by month (hours)",
            "line",
            monthLabels,
            List.of(
                new Report.Series(
                    "p50",
                    monthLabels.stream()
                        .map(
                            m ->
                                (Number)
                                    (reviewMonths.containsKey(m)
                                        ? hours(reviewMonths.get(m).p50Hours())
                                        : null))
                        .toList()),
                new Report.Series(
                    "p90",
                    monthLabels.stream()
                        .map(
                            m ->
                                (Number)
                                    (reviewMonths.containsKey(m)
                                        ? hours(reviewMonths.get(m).p90Hours())
                                        : null))
                        .toList()))));
    List<List<Object>> rows = new ArrayList<>();
    for (EngineHistory.Durations d : phases) {
      rows.add(row("phase", phase(d.key()), d.month(), d));
    }
    for (EngineHistory.ReviewDurations r : reviews) {
      EngineHistory.Durations d = r.durations();
      boolean month = r.dimension().equals("month");
      rows.add(
          row(
              "review by " + r.dimension(),
              month ? "all review tasks" : d.key(),
              month ? d.key() : null,
              d));
    }
    List<Report.Column> columns =
        List.of(
            new Report.Column("measure", "Measure", "string"),
            new Report.Column("key", "Phase, group or approver", "string"),
            new Report.Column("month", "Month (empty: whole window)", "string"),
            new Report.Column("count", "Finished", "number"),
            new Report.Column("p50Hours", "p50 (hours)", "number"),
            new Report.Column("p90Hours", "p90 (hours)", "number"));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("months", window.months());
    parameters.put("from", window.from().toString());
    parameters.put("to", window.to().toString());
    return new Report(
        NAME,
        "Cycle time by phase, approver group and approver",
        clock.instant(),
        ReportQueries.scopeName(scope),
        parameters,
        List.of(
            "From the engine's history: phases that finished in the window (completed instances of"
                + " each phase's model), review tasks completed in the window (from creation to"
                + " completion). Hours; p50 is the median, p90 the 90th percentile.",
            "A review task's approver group is the group it was first offered to; an escalation"
                + " adds the contract admins later and does not change it."),
        charts,
        new Report.Table(columns, rows));
  }

  private static List<Object> row(
      String measure, String key, String month, EngineHistory.Durations d) {
    return Arrays.asList(measure, key, month, d.count(), hours(d.p50Hours()), hours(d.p90Hours()));
  }

  private static List<EngineHistory.Durations> reviewsOf(
      List<EngineHistory.ReviewDurations> reviews, String dimension) {
    return reviews.stream()
        .filter(r -> r.dimension().equals(dimension))
        .map(EngineHistory.ReviewDurations::durations)
        .toList();
  }

  private static Report.Chart percentiles(
      String id,
      String title,
      List<EngineHistory.Durations> list,
      Function<EngineHistory.Durations, String> label) {
    return new Report.Chart(
        id,
        title,
        "bar",
        list.stream().map(label).toList(),
        List.of(
            new Report.Series("p50", list.stream().map(d -> (Number) hours(d.p50Hours())).toList()),
            new Report.Series(
                "p90", list.stream().map(d -> (Number) hours(d.p90Hours())).toList())));
  }

  static List<String> months(ReportWindow window) {
    YearMonth first = YearMonth.from(window.from().atZone(ZoneOffset.UTC));
    YearMonth last = YearMonth.from(window.to().atZone(ZoneOffset.UTC));
    List<String> months = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    return months;
  }

  private static String phase(String key) {
    return PHASE_NAMES.getOrDefault(key, key);
  }

  private static double hours(double value) {
    return ReportQueries.round(value, 2);
  }
}

package io.contractflow.workflow.history;

import io.contractflow.workflow.history.EngineHistory.Durations;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's history summarised by month, for reports over everything (admins, auditors): for
 * each closed month, the durations of finished phases and review tasks as {@link
 * DurationHistogram}s, and each month's exact count, p50 and p90. A report over a window reads the
 * summarised months from these (a few thousand rows, whatever the history holds) and only the
 * months not yet summarised (normally the current one) from the history itself. Percentiles over
 * several months are read from the merged histograms (within 2 %); a single month's are exact.
 */
@Component
class HistorySummaries {

  static final String PHASE = "phase";
  static final String REVIEW_GROUP = "review-group";
  static final String REVIEW_APPROVER = "review-approver";
  static final String REVIEW_MONTH = "review-month";

  /** The bucket of a duration column, as {@link DurationHistogram#bucketOf} computes it. */
  private static final String BUCKET =
      "floor(ln(greatest(%s, 1)) / ln(" + DurationHistogram.BASE + "))::int";

  private final NamedParameterJdbcTemplate jdbc;

  HistorySummaries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The summarised months among {@code months}. */
  Set<YearMonth> summarised(List<YearMonth> months) {
    if (months.isEmpty()) {
      return Set.of();
    }
    return new TreeSet<>(
        jdbc.query(
            "select month from contractflow.duration_histogram_month where month in (:months)",
            Map.of("months", months.stream().map(m -> m.atDay(1)).toList()),
            (rs, i) -> YearMonth.from(rs.getObject(1, LocalDate.class))));
  }

  /**
   * Summarises {@code month} from the history (again, if it was): its histograms and exact figures
   * replace what was there, in one transaction. Two nodes doing it at once do it one after the
   * other.
   */
  @Transactional
  public void summarise(YearMonth month) {
    Map<String, Object> params =
        windowParams(
            Timestamp.valueOf(month.atDay(1).atStartOfDay()),
            Timestamp.valueOf(month.plusMonths(1).atDay(1).atStartOfDay()));
    params.put("month", month.atDay(1));
    jdbc.queryForObject(
        "select pg_advisory_xact_lock(hashtext('contractflow.duration_histogram'))",
        Map.of(),
        Object.class);
    jdbc.update("delete from contractflow.duration_histogram where month = :month", params);
    jdbc.update("delete from contractflow.duration_month_stats where month = :month", params);
    jdbc.update(
        """
        insert into contractflow.duration_histogram (month, measure, key, bucket, n)
        select :month, 'phase', p.proc_def_key_, %s, count(*)
        from act_hi_procinst p
        where p.end_time_ >= :from and p.end_time_ < :to
          and p.proc_def_key_ in (:phases) and p.state_ = 'COMPLETED'
        group by 3, 4
        """
            .formatted(BUCKET.formatted("p.duration_")),
        params);
    jdbc.update(
        """
        insert into contractflow.duration_month_stats (month, measure, key, n, p50_ms, p90_ms)
        select :month, 'phase', p.proc_def_key_, count(*),
               percentile_cont(0.5) within group (order by p.duration_),
               percentile_cont(0.9) within group (order by p.duration_)
        from act_hi_procinst p
        where p.end_time_ >= :from and p.end_time_ < :to
          and p.proc_def_key_ in (:phases) and p.state_ = 'COMPLETED'
        group by 3
        """,
        params);
    String reviews = EngineHistory.completedReviews("true");
    jdbc.update(
        """
        insert into contractflow.duration_histogram (month, measure, key, bucket, n)
        %s
        select :month,
               case when grouping(grp) = 0 then 'review-group'
                    when grouping(assignee_) = 0 then 'review-approver' else 'review-month' end,
               case when grouping(grp) = 0 then coalesce(grp, '(none)')
                    when grouping(assignee_) = 0 then coalesce(assignee_, '(none)') else 'all' end,
               %s, count(*)
        from done
        group by grouping sets ((grp, %s), (assignee_, %s), (%s))
        """
            .formatted(
                reviews,
                BUCKET.formatted("duration_"),
                BUCKET.formatted("duration_"),
                BUCKET.formatted("duration_"),
                BUCKET.formatted("duration_")),
        params);
    jdbc.update(
        """
        insert into contractflow.duration_month_stats (month, measure, key, n, p50_ms, p90_ms)
        %s
        select :month, 'review-month', 'all', count(*),
               percentile_cont(0.5) within group (order by duration_),
               percentile_cont(0.9) within group (order by duration_)
        from done
        having count(*) > 0
        """
            .formatted(reviews),
        params);
    jdbc.update(
        """
        insert into contractflow.duration_histogram_month (month, summarised_at) values (:month, now())
        on conflict (month) do update set summarised_at = excluded.summarised_at
        """,
        params);
  }

  /**
   * Phase durations of the summarised months {@code months}: overall per phase (month null) from
   * the merged histograms, and per phase and month, exact; plus the histograms themselves, to merge
   * with the months read from the history.
   */
  Figures phases(List<YearMonth> months, Map<String, DurationHistogram> live) {
    Map<String, DurationHistogram> merged = histograms(months, List.of(PHASE), live);
    List<Durations> perMonth = monthStats(months, PHASE);
    return new Figures(merged, perMonth);
  }

  /** What the summaries give for a window: histograms by measure and key, and exact months. */
  record Figures(Map<String, DurationHistogram> histograms, List<Durations> months) {}

  /**
   * Review durations of the summarised months: by approver group and approver from the merged
   * histograms, by month exact.
   */
  Figures reviews(List<YearMonth> months, Map<String, DurationHistogram> live) {
    Map<String, DurationHistogram> merged =
        histograms(months, List.of(REVIEW_GROUP, REVIEW_APPROVER), live);
    return new Figures(merged, monthStats(months, REVIEW_MONTH));
  }

  /** The phases' histograms over a window read from the history, keyed {@code phase/<key>}. */
  Map<String, DurationHistogram> phasesFromHistory(Timestamp from, Timestamp to) {
    Map<String, DurationHistogram> histograms = new LinkedHashMap<>();
    jdbc.query(
        """
        select p.proc_def_key_ as key, %s as bucket, count(*) as n
        from act_hi_procinst p
        where p.end_time_ >= :from and p.end_time_ < :to
          and p.proc_def_key_ in (:phases) and p.state_ = 'COMPLETED'
        group by 1, 2
        """
            .formatted(BUCKET.formatted("p.duration_")),
        windowParams(from, to),
        rs -> {
          add(histograms, PHASE, rs.getString(1), rs.getInt(2), rs.getLong(3));
        });
    return histograms;
  }

  /**
   * The review tasks' histograms by approver group and approver over a window read from the
   * history, keyed {@code review-group/<group>} and {@code review-approver/<user>}.
   */
  Map<String, DurationHistogram> reviewsFromHistory(Timestamp from, Timestamp to) {
    Map<String, DurationHistogram> histograms = new LinkedHashMap<>();
    jdbc.query(
        """
        %s
        select case when grouping(grp) = 0 then 'review-group' else 'review-approver' end,
               case when grouping(grp) = 0 then coalesce(grp, '(none)')
                    else coalesce(assignee_, '(none)') end,
               %s, count(*)
        from done
        group by grouping sets ((grp, %s), (assignee_, %s))
        """
            .formatted(
                EngineHistory.completedReviews("true"),
                BUCKET.formatted("duration_"),
                BUCKET.formatted("duration_"),
                BUCKET.formatted("duration_")),
        windowParams(from, to),
        rs -> {
          add(histograms, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4));
        });
    return histograms;
  }

  private static Map<String, Object> windowParams(Timestamp from, Timestamp to) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", from);
    params.put("to", to);
    params.put("phases", EngineHistory.PHASES);
    params.put("process", EngineHistory.REVIEW_PROCESS);
    params.put("task", EngineHistory.REVIEW_TASK);
    params.put("escalation", EngineHistory.ESCALATION_GROUP);
    params.put("linksFrom", new Timestamp(from.getTime() - 31L * 24 * 3600 * 1000));
    return params;
  }

  private Map<String, DurationHistogram> histograms(
      List<YearMonth> months, List<String> measures, Map<String, DurationHistogram> live) {
    Map<String, DurationHistogram> merged = new TreeMap<>();
    live.forEach(
        (k, h) -> {
          if (measures.contains(k.substring(0, k.indexOf('/')))) {
            merged.computeIfAbsent(k, x -> new DurationHistogram()).addAll(h);
          }
        });
    if (!months.isEmpty()) {
      jdbc.query(
          """
          select measure, key, bucket, sum(n) from contractflow.duration_histogram
          where month in (:months) and measure in (:measures)
          group by 1, 2, 3
          """,
          Map.of("months", months.stream().map(m -> m.atDay(1)).toList(), "measures", measures),
          rs -> {
            add(merged, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4));
          });
    }
    return merged;
  }

  private List<Durations> monthStats(List<YearMonth> months, String measure) {
    if (months.isEmpty()) {
      return List.of();
    }
    return new ArrayList<>(
        jdbc.query(
            """
            select key, to_char(month, 'YYYY-MM') as month, n, p50_ms, p90_ms
            from contractflow.duration_month_stats
            where month in (:months) and measure = :measure
            order by key, month
            """,
            Map.of("months", months.stream().map(m -> m.atDay(1)).toList(), "measure", measure),
            (rs, i) ->
                new Durations(
                    rs.getString("key"),
                    rs.getString("month"),
                    rs.getLong("n"),
                    rs.getDouble("p50_ms") / 3_600_000.0,
                    rs.getDouble("p90_ms") / 3_600_000.0)));
  }

  private static void add(
      Map<String, DurationHistogram> histograms, String measure, String key, int bucket, long n) {
    histograms.computeIfAbsent(measure + "/" + key, k -> new DurationHistogram()).add(bucket, n);
  }
}

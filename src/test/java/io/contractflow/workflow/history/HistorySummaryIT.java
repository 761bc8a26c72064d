package io.contractflow.workflow.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.contractflow.contract.ContractScope;
import io.contractflow.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The admins' cycle times read from the monthly summaries agree with the same figures read from the
 * history: the same counts, each month's p50 and p90 exact, a window's within 2 %.
 */
class HistorySummaryIT extends IntegrationTest {

  @Autowired EngineHistory history;
  @Autowired HistorySummaryJob job;
  @Autowired JdbcTemplate jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void forgetTheSummaries() {
    jdbc.update("delete from contractflow.duration_histogram");
    jdbc.update("delete from contractflow.duration_month_stats");
    jdbc.update("delete from contractflow.duration_histogram_month");
  }

  @Test
  void summarisedMonthsGiveTheFiguresTheHistoryGives() {
    ZoneId zone = ZoneId.systemDefault();
    YearMonth current = YearMonth.from(LocalDateTime.ofInstant(clock.instant(), zone));
    for (int back = 1; back <= 3; back++) {
      history(current.minusMonths(back), 40 + back * 7);
    }
    Instant from = current.minusMonths(3).atDay(1).atStartOfDay(zone).toInstant();
    Instant to = current.atDay(1).atStartOfDay(zone).toInstant();
    ContractScope all = ContractScope.everything();
    List<EngineHistory.Durations> exactPhases = history.phaseDurations(all, from, to);
    List<EngineHistory.ReviewDurations> exactReviews = history.reviewDurations(all, from, to);
    assertThat(exactPhases).extracting(EngineHistory.Durations::count).isNotEmpty();

    assertThat(job.summariseClosedMonths()).isGreaterThanOrEqualTo(3);
    assertThat(job.summariseClosedMonths()).as("each month once").isZero();
    List<EngineHistory.Durations> phases = history.phaseDurations(all, from, to);
    List<EngineHistory.ReviewDurations> reviews = history.reviewDurations(all, from, to);

    assertThat(phases).hasSameSizeAs(exactPhases);
    Map<String, EngineHistory.Durations> byKey = index(phases, d -> d.key() + "@" + d.month());
    for (EngineHistory.Durations exact : exactPhases) {
      EngineHistory.Durations read = byKey.get(exact.key() + "@" + exact.month());
      assertThat(read).as(exact.toString()).isNotNull();
      assertThat(read.count()).as(exact.toString()).isEqualTo(exact.count());
      double tolerance = exact.month() == null ? 0.02 : 1e-9;
      assertThat(read.p50Hours())
          .as("p50 " + exact)
          .isCloseTo(exact.p50Hours(), within(exact.p50Hours() * tolerance + 1e-9));
      assertThat(read.p90Hours())
          .as("p90 " + exact)
          .isCloseTo(exact.p90Hours(), within(exact.p90Hours() * tolerance + 1e-9));
    }
    assertThat(reviews).hasSameSizeAs(exactReviews);
    Map<String, EngineHistory.ReviewDurations> reviewsByKey =
        index(reviews, r -> r.dimension() + "@" + r.durations().key());
    for (EngineHistory.ReviewDurations exact : exactReviews) {
      EngineHistory.ReviewDurations read =
          reviewsByKey.get(exact.dimension() + "@" + exact.durations().key());
      assertThat(read).as(exact.toString()).isNotNull();
      assertThat(read.durations().count()).isEqualTo(exact.durations().count());
      double tolerance = exact.dimension().equals("month") ? 1e-9 : 0.02;
      assertThat(read.durations().p50Hours())
          .as("p50 " + exact)
          .isCloseTo(
              exact.durations().p50Hours(),
              within(exact.durations().p50Hours() * tolerance + 1e-9));
      assertThat(read.durations().p90Hours())
          .as("p90 " + exact)
          .isCloseTo(
              exact.durations().p90Hours(),
              within(exact.durations().p90Hours() * tolerance + 1e-9));
    }
    // ours are among them: legal's review tasks of those months
    assertThat(reviewsByKey).containsKey("group@legal-reviewer").containsKey("approver@hs-" + run);
  }

  /** {@code n} drafting and review phases ending in {@code month}, each review with its task. */
  private void history(YearMonth month, int n) {
    for (int i = 0; i < n; i++) {
      LocalDateTime end = month.atDay(1 + i % 27).atTime(9 + i % 8, i % 60);
      long minutes = 30 + (long) (i * 7919L % 11_000);
      LocalDateTime start = end.minusMinutes(minutes);
      String id = "hs-" + run + "-" + month + "-" + i;
      for (String phase : List.of("contract-drafting", "contract-review")) {
        jdbc.update(
            """
            insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_,
                   start_time_, end_time_, duration_, end_act_id_, state_, root_proc_inst_id_)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'EndEvent_Approved', 'COMPLETED', ?)
            """,
            id + phase,
            id + phase,
            id,
            phase,
            phase + ":1:hs",
            Timestamp.valueOf(start.minusMinutes(phase.equals("contract-drafting") ? i : 0)),
            Timestamp.valueOf(end),
            (minutes + (phase.equals("contract-drafting") ? i : 0)) * 60_000,
            id);
      }
      String task = id + "-t";
      jdbc.update(
          """
          insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
                 proc_inst_id_, execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_,
                 duration_, delete_reason_, priority_, task_state_)
          values (?, 'Task_ReviewContract', 'contract-review', 'contract-review:1:hs', ?, ?, ?, ?,
                  'Review contract', ?, ?, ?, ?, 'completed', 50, 'Completed')
          """,
          task,
          id,
          id + "contract-review",
          id + "contract-review",
          task,
          i % 3 == 0 ? "hs-" + run : "hs-other-" + (i % 2),
          Timestamp.valueOf(start),
          Timestamp.valueOf(end),
          minutes * 60_000);
      jdbc.update(
          """
          insert into act_hi_identitylink (id_, timestamp_, type_, group_id_, task_id_, root_proc_inst_id_,
                 proc_def_id_, operation_type_, proc_def_key_)
          values (?, ?, 'candidate', ?, ?, ?, 'contract-review:1:hs', 'add', 'contract-review')
          """,
          task + "-g",
          Timestamp.valueOf(start),
          i % 4 == 0 ? "finance-approver" : "legal-reviewer",
          task,
          id);
    }
  }

  private static <T> Map<String, T> index(List<T> list, Function<T, String> key) {
    return list.stream().collect(Collectors.toMap(key, t -> t));
  }
}

package io.contractflow.workflow.history;

import io.contractflow.contract.ContractScope;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the engine's history says about the contracts' lifecycles, as plain records for the reports
 * (features other than {@code workflow} do not read the engine). Every figure is one aggregate in
 * PostgreSQL over the engine's history tables, limited to the contracts a {@link ContractScope} may
 * read (the process instances' business key is the contract's id) and to a window of end times. The
 * engine writes its timestamps in the JVM's zone; months are those of that zone (UTC in the shipped
 * image).
 */
@Component
public class EngineHistory {

  /** The lifecycle's phases: one model each, called from {@code contract-lifecycle}. */
  public static final List<String> PHASES =
      List.of(
          "contract-drafting",
          "contract-review",
          "contract-signing",
          "contract-term",
          "contract-closure");

  static final String REVIEW_PROCESS = "contract-review";
  static final String REVIEW_TASK = "Task_ReviewContract";
  static final String ESCALATION_GROUP = "contract-admin";

  private final NamedParameterJdbcTemplate jdbc;
  private final HistorySummaries summaries;

  EngineHistory(NamedParameterJdbcTemplate jdbc, HistorySummaries summaries) {
    this.jdbc = jdbc;
    this.summaries = summaries;
  }

  /**
   * How long something took, in hours, over one group of finished instances.
   *
   * @param key what the group is (a phase's model key, an approver group, a user)
   * @param month {@code yyyy-MM} of the end times, or null for the whole window
   */
  public record Durations(String key, String month, long count, double p50Hours, double p90Hours) {}

  /** Finished phases (completed instances of the phase models) by phase, and by phase and month. */
  public List<Durations> phaseDurations(ContractScope scope, Instant from, Instant to) {
    Split split = split(scope, from, to);
    if (split == null) {
      return exactPhaseDurations(scope, from, to);
    }
    HistorySummaries.Figures figures =
        summaries.phases(
            split.summarised(),
            summaries.phasesFromHistory(split.historyFrom(), Timestamp.from(to)));
    List<Durations> months = new ArrayList<>(figures.months());
    exactPhaseDurations(scope, split.historyFrom().toInstant(), to).stream()
        .filter(d -> d.month() != null)
        .forEach(months::add);
    List<Durations> all = new ArrayList<>();
    figures
        .histograms()
        .forEach(
            (key, histogram) -> all.add(overall(key.substring(key.indexOf('/') + 1), histogram)));
    all.addAll(months);
    all.sort(
        Comparator.comparing(Durations::key)
            .thenComparing(Durations::month, Comparator.nullsFirst(Comparator.naturalOrder())));
    return all;
  }

  /**
   * Where a report over everything can read summarised months: the window's closed months up to the
   * first that is not summarised come from {@link HistorySummaries}, the rest from the history
   * itself. Null when the history must be read for all of it (a scoped report, or the window's
   * first month is not summarised).
   */
  private Split split(ContractScope scope, Instant from, Instant to) {
    if (!scope.all()) {
      return null;
    }
    ZoneId zone = ZoneId.systemDefault();
    YearMonth first = YearMonth.from(LocalDateTime.ofInstant(from, zone));
    YearMonth current = YearMonth.from(LocalDateTime.ofInstant(to, zone));
    if (!LocalDateTime.ofInstant(from, zone).equals(first.atDay(1).atStartOfDay())) {
      return null;
    }
    List<YearMonth> closed = new ArrayList<>();
    for (YearMonth m = first; m.isBefore(current); m = m.plusMonths(1)) {
      closed.add(m);
    }
    Set<YearMonth> done = summaries.summarised(closed);
    List<YearMonth> summarised = new ArrayList<>();
    for (YearMonth m : closed) {
      if (!done.contains(m)) {
        break;
      }
      summarised.add(m);
    }
    if (summarised.isEmpty()) {
      return null;
    }
    YearMonth next = summarised.get(summarised.size() - 1).plusMonths(1);
    return new Split(summarised, Timestamp.valueOf(next.atDay(1).atStartOfDay()));
  }

  private record Split(List<YearMonth> summarised, Timestamp historyFrom) {}

  private static Durations overall(String key, DurationHistogram histogram) {
    return new Durations(
        key,
        null,
        histogram.count(),
        histogram.percentileHours(0.5),
        histogram.percentileHours(0.9));
  }

  private List<Durations> exactPhaseDurations(ContractScope scope, Instant from, Instant to) {
    String sql =
        """
        select p.proc_def_key_ as key,
               case when grouping(date_trunc('month', p.end_time_)) = 0
                    then to_char(date_trunc('month', p.end_time_), 'YYYY-MM') end as month,
               count(*) as n,
               percentile_cont(0.5) within group (order by p.duration_) / 3600000.0 as p50,
               percentile_cont(0.9) within group (order by p.duration_) / 3600000.0 as p90
        from act_hi_procinst p
        where p.end_time_ >= :from and p.end_time_ < :to
          and p.proc_def_key_ in (:phases) and p.state_ = 'COMPLETED'
          and %s
        group by grouping sets ((p.proc_def_key_), (p.proc_def_key_, date_trunc('month', p.end_time_)))
        order by 1, 2 nulls first
        """
            .formatted(scope.onContractKey("p.business_key_"));
    Map<String, Object> params = params(scope, from, to);
    params.put("phases", PHASES);
    return jdbc.query(sql, params, (rs, i) -> durations(rs));
  }

  /**
   * Completed review tasks: how long each waited from creation to completion, by the approver group
   * it was offered to, by the approver who completed it, and by month. {@code dimension} is one of
   * {@code group}, {@code approver}, {@code month}.
   */
  public record ReviewDurations(String dimension, Durations durations) {}

  public List<ReviewDurations> reviewDurations(ContractScope scope, Instant from, Instant to) {
    Split split = split(scope, from, to);
    if (split == null) {
      return exactReviewDurations(scope, from, to);
    }
    HistorySummaries.Figures figures =
        summaries.reviews(
            split.summarised(),
            summaries.reviewsFromHistory(split.historyFrom(), Timestamp.from(to)));
    List<ReviewDurations> all = new ArrayList<>();
    figures
        .histograms()
        .forEach(
            (key, histogram) ->
                all.add(
                    new ReviewDurations(
                        key.startsWith(HistorySummaries.REVIEW_GROUP) ? "group" : "approver",
                        overall(key.substring(key.indexOf('/') + 1), histogram))));
    for (Durations month : figures.months()) {
      all.add(
          new ReviewDurations(
              "month",
              new Durations(
                  month.month(), null, month.count(), month.p50Hours(), month.p90Hours())));
    }
    exactReviewDurations(scope, split.historyFrom().toInstant(), to).stream()
        .filter(r -> r.dimension().equals("month"))
        .forEach(all::add);
    all.sort(
        Comparator.comparing(ReviewDurations::dimension).thenComparing(r -> r.durations().key()));
    return all;
  }

  private List<ReviewDurations> exactReviewDurations(
      ContractScope scope, Instant from, Instant to) {
    String sql =
        """
        %s
        select case when grouping(grp) = 0 then 'group' when grouping(assignee_) = 0 then 'approver'
                    else 'month' end as dimension,
               coalesce(grp, assignee_, to_char(month, 'YYYY-MM'), '(none)') as key,
               count(*) as n,
               percentile_cont(0.5) within group (order by duration_) / 3600000.0 as p50,
               percentile_cont(0.9) within group (order by duration_) / 3600000.0 as p90
        from done
        group by grouping sets ((grp), (assignee_), (month))
        order by 1, 2
        """
            .formatted(completedReviews(onProcessInstance(scope, "t.proc_inst_id_")));
    Map<String, Object> params = params(scope, from, to);
    params.put("process", REVIEW_PROCESS);
    params.put("task", REVIEW_TASK);
    params.put("escalation", ESCALATION_GROUP);
    params.put("linksFrom", Timestamp.from(from.minus(java.time.Duration.ofDays(31))));
    return jdbc.query(
        sql,
        params,
        (rs, i) ->
            new ReviewDurations(
                rs.getString("dimension"),
                new Durations(
                    rs.getString("key"),
                    null,
                    rs.getLong("n"),
                    rs.getDouble("p50"),
                    rs.getDouble("p90"))));
  }

  /**
   * The completed review tasks between {@code :from} and {@code :to} as a {@code with done as
   * (...)} clause, each with its duration, approver ({@code assignee_}), month and approver group
   * ({@code grp}): the task's candidate group other than the escalation's, added when the task was
   * created. Links are read by time (an index), from {@code :linksFrom} (a month before the
   * window): a task that waited longer looks its link up by its id.
   */
  static String completedReviews(String scopeCondition) {
    return """
        with done as (
          select t.duration_, t.assignee_, date_trunc('month', t.end_time_) as month,
                 coalesce(l.group_id_, case when t.start_time_ < :linksFrom then
                   (select min(o.group_id_) from act_hi_identitylink o where o.task_id_ = t.id_
                     and o.type_ = 'candidate' and o.operation_type_ = 'add' and o.group_id_ <> :escalation) end) as grp
          from act_hi_taskinst t
          left join act_hi_identitylink l on l.task_id_ = t.id_ and l.timestamp_ >= :linksFrom
               and l.type_ = 'candidate' and l.operation_type_ = 'add' and l.group_id_ <> :escalation
          where t.end_time_ >= :from and t.end_time_ < :to
            and t.proc_def_key_ = :process and t.task_def_key_ = :task and t.delete_reason_ = 'completed'
            and %s
        )
        """
        .formatted(scopeCondition);
  }

  /**
   * A condition that the process instance id in {@code column} is one of a contract the scope may
   * read: through the instances' business keys (an index), so that those who read everything join
   * nothing.
   */
  private static String onProcessInstance(ContractScope scope, String column) {
    if (scope.all()) {
      return "true";
    }
    return column
        + " in (select p.id_ from act_hi_procinst p where "
        + scope.onContractKey("p.business_key_")
        + ")";
  }

  /**
   * How finished review rounds ended in one month: {@code APPROVED}, {@code REJECTED}, {@code
   * CHANGES_REQUESTED} (the review model's end events), or {@code OTHER} (no approvers needed ends
   * as approved; cancelled rounds do not count).
   */
  public record ReviewRounds(
      String month, long approved, long rejected, long changesRequested, long other) {}

  public List<ReviewRounds> reviewRounds(ContractScope scope, Instant from, Instant to) {
    String sql =
        """
        select to_char(p.end_time_, 'YYYY-MM') as month,
               count(*) filter (where p.end_act_id_ = 'EndEvent_Approved') as approved,
               count(*) filter (where p.end_act_id_ = 'EndEvent_Rejected') as rejected,
               count(*) filter (where p.end_act_id_ = 'EndEvent_ChangesRequested') as changes,
               count(*) filter (where p.end_act_id_ not in
                   ('EndEvent_Approved', 'EndEvent_Rejected', 'EndEvent_ChangesRequested')) as other
        from act_hi_procinst p
        where p.end_time_ >= :from and p.end_time_ < :to and p.proc_def_key_ = :process
          and p.state_ = 'COMPLETED' and %s
        group by 1 order by 1
        """
            .formatted(scope.onContractKey("p.business_key_"));
    Map<String, Object> params = params(scope, from, to);
    params.put("process", REVIEW_PROCESS);
    return jdbc.query(
        sql,
        params,
        (rs, i) ->
            new ReviewRounds(
                rs.getString("month"),
                rs.getLong("approved"),
                rs.getLong("rejected"),
                rs.getLong("changes"),
                rs.getLong("other")));
  }

  /**
   * Rework loops: of the contracts whose review rounds ended in the window, how many were sent back
   * for changes {@code loops} times ({@code loops} 3 counts three or more).
   */
  public record Rework(int loops, long contracts) {}

  public List<Rework> rework(ContractScope scope, Instant from, Instant to) {
    String sql =
        """
        select least(loops, 3) as loops, count(*) as contracts from (
          select p.business_key_,
                 count(*) filter (where p.end_act_id_ = 'EndEvent_ChangesRequested') as loops
          from act_hi_procinst p
          where p.end_time_ >= :from and p.end_time_ < :to and p.proc_def_key_ = :process
            and p.state_ = 'COMPLETED' and %s
          group by p.business_key_) per_contract
        group by 1 order by 1
        """
            .formatted(scope.onContractKey("p.business_key_"));
    Map<String, Object> params = params(scope, from, to);
    params.put("process", REVIEW_PROCESS);
    return jdbc.query(
        sql, params, (rs, i) -> new Rework(rs.getInt("loops"), rs.getLong("contracts")));
  }

  /**
   * An open review task that is past its due date or escalated (the contract admins are among its
   * candidates).
   */
  public record OpenReview(
      UUID contractId,
      String taskId,
      String approverGroup,
      String assignee,
      Instant created,
      Instant due,
      boolean escalated) {}

  /** The open review tasks past due at {@code now} or escalated, most overdue first. */
  public List<OpenReview> overdueReviews(ContractScope scope, Instant now, int limit) {
    String sql =
        """
        select * from (
          select e.business_key_ as contract_id, t.id_ as task_id, t.assignee_, t.create_time_, t.due_date_,
                 (select l.group_id_ from act_ru_identitylink l
                   where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
                     and l.group_id_ <> :escalation order by l.group_id_ limit 1) as grp,
                 exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_ and l.type_ = 'candidate'
                     and l.group_id_ = :escalation) as escalated
          from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
          join act_re_procdef d on d.id_ = t.proc_def_id_
          where d.key_ = :process and t.task_def_key_ = :task and %s) open
        where due_date_ < :now or escalated
        order by due_date_ nulls last, task_id
        limit :limit
        """
            .formatted(scope.onContractKey("e.business_key_"));
    Map<String, Object> params = new HashMap<>(scope.parameters());
    params.put("now", Timestamp.from(now));
    params.put("limit", limit);
    params.put("process", REVIEW_PROCESS);
    params.put("task", REVIEW_TASK);
    params.put("escalation", ESCALATION_GROUP);
    return jdbc.query(
        sql,
        params,
        (rs, i) ->
            new OpenReview(
                UUID.fromString(rs.getString("contract_id")),
                rs.getString("task_id"),
                rs.getString("grp"),
                rs.getString("assignee_"),
                rs.getTimestamp("create_time_").toInstant(),
                rs.getTimestamp("due_date_") == null
                    ? null
                    : rs.getTimestamp("due_date_").toInstant(),
                rs.getBoolean("escalated")));
  }

  /**
   * Review tasks finished in one month: how many, how many after their due date, how many had been
   * escalated to the contract admins.
   */
  public record LateReviews(String month, long completed, long late, long escalated) {}

  public List<LateReviews> lateReviews(ContractScope scope, Instant from, Instant to) {
    String sql =
        """
        select to_char(t.end_time_, 'YYYY-MM') as month, count(*) as completed,
               count(*) filter (where t.due_date_ is not null and t.end_time_ > t.due_date_) as late,
               count(*) filter (where e.task_id_ is not null) as escalated
        from act_hi_taskinst t
        left join (select distinct l.task_id_ from act_hi_identitylink l
                   where l.group_id_ = :escalation and l.type_ = 'candidate' and l.operation_type_ = 'add') e
               on e.task_id_ = t.id_
        where t.end_time_ >= :from and t.end_time_ < :to
          and t.proc_def_key_ = :process and t.task_def_key_ = :task and t.delete_reason_ = 'completed'
          and %s
        group by 1 order by 1
        """
            .formatted(onProcessInstance(scope, "t.proc_inst_id_"));
    Map<String, Object> params = params(scope, from, to);
    params.put("process", REVIEW_PROCESS);
    params.put("task", REVIEW_TASK);
    params.put("escalation", ESCALATION_GROUP);
    return jdbc.query(
        sql,
        params,
        (rs, i) ->
            new LateReviews(
                rs.getString("month"),
                rs.getLong("completed"),
                rs.getLong("late"),
                rs.getLong("escalated")));
  }

  private static Map<String, Object> params(ContractScope scope, Instant from, Instant to) {
    Map<String, Object> params = new HashMap<>(scope.parameters());
    params.put("from", Timestamp.from(from));
    params.put("to", Timestamp.from(to));
    return params;
  }

  private static Durations durations(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Durations(
        rs.getString("key"),
        rs.getString("month"),
        rs.getLong("n"),
        rs.getDouble("p50"),
        rs.getDouble("p90"));
  }
}

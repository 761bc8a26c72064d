package io.contractflow.workflow.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The history the reports read, loaded with SQL on top of {@link ScaleData}: for every contract
 * past its draft, over the last 36 months (the newest ones 20 days ago), review rounds (one, a
 * second for every 7th contract, a third for every 29th: the earlier ones ended with changes
 * requested; every 31st contract's last round rejected), each with its drafting and review
 * instances in the engine's history ({@code act_hi_procinst}), a review task for {@code
 * legal-reviewer} and, above 10,000, one for {@code finance-approver} ({@code act_hi_taskinst},
 * offered through {@code act_hi_identitylink}; 30 minutes to 8 days, escalated to the contract
 * admins after 5 days), 20 legal reviewers and 10 finance approvers; a signing phase and a signing
 * request (four providers) for contracts that reached signing, completed unless still SIGNING; a
 * term phase for EXPIRED and TERMINATED ones. Then half the open review tasks that {@link
 * ScaleData#startTasks} started are made overdue, and a quarter escalated.
 */
final class ReportHistoryData {

  private final DataSource dataSource;

  ReportHistoryData(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Loads the history of {@code n} contracts; the seconds it took. */
  double load(int n) throws SQLException {
    long start = System.nanoTime();
    String sql =
        """
        create temporary table bench_round as
        select ct.i, ct.key, ct.status, ct.value, ct.reference, ct.title, ct.owner, k, ct.rounds,
               ct.t0 + make_interval(days => (k - 1) * 10) as draft_start,
               ct.t0 + make_interval(days => (k - 1) * 10)
                   + make_interval(hours => 1 + (hashint4(ct.i * 11 + k) & 2147483647) % 72) as review_start,
               30 + (hashint4(ct.i * 13 + k) & 2147483647) % 11520 as review_minutes,
               case when k < ct.rounds then 'EndEvent_ChangesRequested'
                    when ct.i % 31 = 0 then 'EndEvent_Rejected' else 'EndEvent_Approved' end as end_act
        from (select substring(c.reference from 4)::int as i, c.id::text as key, c.status, c.value_amount as value,
                     c.reference, c.title, c.owner,
                     now() - interval '20 days'
                         - make_interval(secs => ({N} - substring(c.reference from 4)::int) * (94608000.0 / {N})) as t0,
                     1 + (substring(c.reference from 4)::int % 7 = 0)::int
                       + (substring(c.reference from 4)::int % 29 = 0)::int as rounds
              from contractflow.contract c where c.status <> 'DRAFT') ct,
             generate_series(1, ct.rounds) k;

        insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,
               end_time_, duration_, end_act_id_, state_, root_proc_inst_id_)
        select 'bd-' || i || '-' || k, 'bd-' || i || '-' || k, key, 'contract-drafting', 'contract-drafting:1:bench',
               draft_start, review_start, (extract(epoch from review_start - draft_start) * 1000)::bigint,
               'EndEvent_Submitted', 'COMPLETED', 'bl-' || i
        from bench_round;

        insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,
               end_time_, duration_, end_act_id_, state_, root_proc_inst_id_)
        select 'br-' || i || '-' || k, 'br-' || i || '-' || k, key, 'contract-review', 'contract-review:1:bench',
               review_start, review_start + make_interval(mins => review_minutes), review_minutes * 60000::bigint,
               end_act, 'COMPLETED', 'bl-' || i
        from bench_round;

        insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
               execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_, delete_reason_,
               priority_, due_date_, task_state_)
        select 'bt-' || i || '-' || k || '-' || g, 'Task_ReviewContract', 'contract-review', 'contract-review:1:bench',
               'bl-' || i, 'br-' || i || '-' || k, 'br-' || i || '-' || k, 'ba-' || i || '-' || k || '-' || g,
               'Review contract', case g when 'l' then 'reviewer-' || ((i + k) % 20) else 'approver-' || (i % 10) end,
               review_start, review_start + make_interval(mins => minutes), minutes * 60000::bigint, 'completed',
               50, review_start + interval '3 days', 'Completed'
        from (select r.*, g, case g when 'l' then review_minutes else greatest(30, review_minutes * 4 / 5) end as minutes
              from bench_round r, unnest(array['l', 'f']) g
              where g = 'l' or r.value >= 10000) t;

        insert into act_hi_identitylink (id_, timestamp_, type_, group_id_, task_id_, root_proc_inst_id_, proc_def_id_,
               operation_type_, proc_def_key_)
        select 'bg-' || t.id_, t.start_time_, 'candidate',
               case when t.id_ like '%-l' then 'legal-reviewer' else 'finance-approver' end, t.id_, t.root_proc_inst_id_,
               t.proc_def_id_, 'add', 'contract-review'
        from act_hi_taskinst t where t.id_ like 'bt-%';

        insert into act_hi_identitylink (id_, timestamp_, type_, group_id_, task_id_, root_proc_inst_id_, proc_def_id_,
               operation_type_, proc_def_key_)
        select 'be-' || t.id_, t.start_time_ + interval '5 days', 'candidate', 'contract-admin', t.id_,
               t.root_proc_inst_id_, t.proc_def_id_, 'add', 'contract-review'
        from act_hi_taskinst t where t.id_ like 'bt-%' and t.duration_ > 5 * 86400000::bigint;

        create temporary table bench_signing as
        select i, key, status, reference, title, owner,
               review_start + make_interval(mins => review_minutes) as sent,
               case when status = 'SIGNING' then null
                    else review_start + make_interval(mins => review_minutes)
                         + make_interval(hours => 2 + (hashint4(i * 17) & 2147483647) % 240) end as signed
        from bench_round where k = rounds and status in ('SIGNING', 'ACTIVE', 'EXPIRED', 'TERMINATED');

        insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,
               end_time_, duration_, end_act_id_, state_, root_proc_inst_id_)
        select 'bs-' || i, 'bs-' || i, key, 'contract-signing', 'contract-signing:1:bench', sent, signed,
               (extract(epoch from signed - sent) * 1000)::bigint, case when signed is not null then 'EndEvent_Signed' end,
               case when signed is null then 'ACTIVE' else 'COMPLETED' end, 'bl-' || i
        from bench_signing;

        insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,
               end_time_, duration_, end_act_id_, state_, root_proc_inst_id_)
        select 'bm-' || i, 'bm-' || i, key, 'contract-term', 'contract-term:1:bench', signed, ended,
               (extract(epoch from ended - signed) * 1000)::bigint, 'EndEvent_Ended', 'COMPLETED', 'bl-' || i
        from (select s.*, least(s.signed + make_interval(days => 30 + i % 700), now() - interval '1 hour') as ended
              from bench_signing s where status in ('EXPIRED', 'TERMINATED')) t;

        insert into contractflow.signing_request (id, contract_id, contract_reference, contract_title, provider, mode,
               status, document_version_id, document_file_name, document_sha256, created_by, created_at, expires_at,
               completed_at, closed_at, version)
        select md5('bsr' || i)::uuid, key::uuid, reference, title,
               (array['builtin', 'docusign', 'adobesign', 'pandadoc'])[1 + i % 4], 'SEQUENTIAL',
               case when signed is null then 'OPEN' else 'COMPLETED' end, md5('bdv' || i)::uuid, 'contract.pdf',
               repeat('0', 64), owner, sent, sent + interval '30 days', signed, signed, 0
        from bench_signing;

        update act_ru_task set due_date_ = now() - interval '2 days'
        where task_def_key_ = 'Task_ReviewContract' and (hashtext(id_) & 1) = 0;

        insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
        select 'be-' || id_, 1, 'contract-admin', 'candidate', id_ from act_ru_task
        where task_def_key_ = 'Task_ReviewContract' and (hashtext(id_) & 3) = 0;
        """
            .replace("{N}", Integer.toString(n));
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String one : sql.split(";\\s*\n")) {
        if (!one.isBlank()) {
          statement.execute(one);
        }
      }
      statement.execute("drop table bench_round");
      statement.execute("drop table bench_signing");
      for (String table :
          new String[] {
            "public.act_hi_procinst",
            "public.act_hi_taskinst",
            "public.act_hi_identitylink",
            "public.act_ru_task",
            "public.act_ru_identitylink",
            "contractflow.signing_request"
          }) {
        statement.execute("vacuum (analyze) " + table);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** How many rows of history were loaded, for the report. */
  String describe() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        var rs =
            statement.executeQuery(
                "select (select count(*) from act_hi_procinst), (select count(*) from act_hi_taskinst),"
                    + " (select count(*) from act_hi_identitylink),"
                    + " (select count(*) from contractflow.signing_request)")) {
      rs.next();
      return String.format(
          "%,d phase instances, %,d review tasks, %,d identity links, %,d signing requests",
          rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
    }
  }
}

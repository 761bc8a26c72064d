package io.contractflow.workflow.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data of one size of the scale benchmark, loaded with SQL ({@code generate_series}, one
 * statement per table) into a platform that has just started on an empty database, then analyzed.
 *
 * <p>The shape: one owner per 200 contracts (at least 50; the demo requesters rita and ravi are two
 * of them), one counterparty per 50 contracts (at least 100), statuses mixed as a running business
 * has them (half ACTIVE, a fifth EXPIRED, a tenth DRAFT, ...), eleven types, five currencies, dates
 * over six years; a quarter of the contracts shared with another owner, a fifth with a group (one
 * group per 2,000 contracts, at least 10; the role groups {@code requester} and {@code
 * legal-reviewer} are two of them); half with a tag; two audit entries each. So one requester's
 * working set (what they own or is shared with them) stays about the same size as the table grows:
 * more contracts come with more people. Then open tasks in proportion, started through the engine
 * on the real models: one drafting task (assigned to the owner) per 1,000 contracts, and one review
 * task offered to {@code legal-reviewer} per 1,000 contracts.
 */
final class ScaleData {

  private static final String[] TYPES = {
    "NDA",
    "MSA",
    "SOW",
    "SERVICES",
    "SALES",
    "PURCHASE",
    "EMPLOYMENT",
    "CONSULTING",
    "LEASE",
    "LICENSE",
    "PARTNERSHIP"
  };

  /** 20 slots: the share of each status. */
  private static final String[] STATUSES = {
    "DRAFT", "DRAFT", "IN_REVIEW", "SIGNING", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE",
    "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "EXPIRED", "EXPIRED", "EXPIRED", "EXPIRED",
    "TERMINATED", "CANCELLED"
  };

  private static final int START_BATCH = 50;

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final RuntimeService runtime;

  ScaleData(PlatformUnderTest platform) {
    this.dataSource = platform.dataSource();
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = platform.transactions();
    this.runtime = platform.engine().getRuntimeService();
  }

  static int owners(int contracts) {
    return Math.max(50, contracts / 200);
  }

  static int counterparties(int contracts) {
    return Math.max(100, contracts / 50);
  }

  static int groups(int contracts) {
    return Math.max(10, contracts / 2000);
  }

  /** Loads {@code n} contracts and what hangs off them; returns the seconds it took. */
  double load(int n) throws SQLException {
    long start = System.nanoTime();
    int owners = owners(n);
    String sql =
        """
        insert into contractflow.counterparty (id, name, contact_email, owner, created_at, updated_at, version)
        select md5('cp' || k)::uuid, 'Scale counterparty ' || k, 'legal' || k || '@example.com', {OWNER_K},
               timestamptz '2020-01-01 00:00Z', timestamptz '2020-01-01 00:00Z', 0
        from generate_series(0, {COUNTERPARTIES} - 1) k;

        insert into contractflow.contract (id, reference, title, type, counterparty_id, value_amount, value_currency,
               start_date, end_date, auto_renew, owner, status, created_at, updated_at, version)
        select md5('c' || i)::uuid, 'SC-' || lpad(i::text, 9, '0'), 'Scale agreement ' || i,
               ({TYPES})[1 + i % 11], md5('cp' || (i % {COUNTERPARTIES}))::uuid,
               ((hashint4(i * 7) & 2147483647) % 10000000) / 100.0, (array['EUR','EUR','EUR','USD','GBP'])[1 + i % 5],
               date '2020-01-01' + (i * 37 % 2500), date '2020-01-01' + (i * 37 % 2500) + 365 + (i % 730),
               false, {OWNER_I}, ({STATUSES})[1 + (hashint4(i * 3 + 1) & 2147483647) % 20],
               timestamptz '2020-01-01 00:00Z' + make_interval(secs => i * (200000000.0 / {N})),
               timestamptz '2020-01-02 00:00Z' + make_interval(secs => i * (200000000.0 / {N})), 0
        from generate_series(1, {N}) i;

        insert into contractflow.contract_share (id, contract_id, principal_type, principal_id, permission,
               granted_by, granted_at)
        select md5('su' || i)::uuid, md5('c' || i)::uuid, 'USER', {SHARED_WITH}, 'VIEW', {OWNER_I}, now()
        from generate_series(4, {N}, 4) i
        where {SHARED_WITH} <> {OWNER_I};

        insert into contractflow.contract_share (id, contract_id, principal_type, principal_id, permission,
               granted_by, granted_at)
        select md5('sg' || i)::uuid, md5('c' || i)::uuid, 'GROUP',
               case (i / 5) % {GROUPS} when 0 then 'requester' when 1 then 'legal-reviewer'
                    else 'dept-' || ((i / 5) % {GROUPS}) end,
               (array['VIEW','EDIT'])[1 + i % 2], {OWNER_I}, now()
        from generate_series(5, {N}, 5) i;

        insert into contractflow.contract_tag (contract_id, tag)
        select md5('c' || i)::uuid, 'tag-' || (i % 50) from generate_series(2, {N}, 2) i;

        insert into contractflow.audit_entry (id, contract_id, seq, occurred_at, actor, kind, summary, details,
               prev_hash, hash)
        select md5('a' || i || '-' || s)::uuid, md5('c' || i)::uuid, s,
               timestamptz '2020-01-01 00:00Z' + make_interval(secs => i * (200000000.0 / {N}) + s),
               {OWNER_I}, case s when 1 then 'CREATED' else 'STATUS_CHANGED' end,
               case s when 1 then 'created' else 'status changed' end,
               case s when 1 then '{}'::jsonb else '{"from": "DRAFT", "to": "IN_REVIEW"}'::jsonb end,
               case s when 1 then repeat('0', 64) else md5('a' || i || '-1') || md5('a' || i || '-1') end,
               md5('a' || i || '-' || s) || md5('a' || i || '-' || s)
        from generate_series(1, {N}) i, generate_series(1, 2) s;
        """
            .replace("{OWNER_K}", ownerOf("k", owners))
            .replace("{OWNER_I}", ownerOf("i", owners))
            .replace("{SHARED_WITH}", ownerOf("(i * 31 + 7)", owners))
            .replace("{COUNTERPARTIES}", Integer.toString(counterparties(n)))
            .replace("{GROUPS}", Integer.toString(groups(n)))
            .replace("{TYPES}", arrayOf(TYPES))
            .replace("{STATUSES}", arrayOf(STATUSES))
            .replace("{N}", Integer.toString(n));
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String one : sql.split(";\\s*\n")) {
        if (!one.isBlank()) {
          statement.execute(one);
        }
      }
      statement.execute("vacuum (analyze) contractflow.counterparty");
      statement.execute("vacuum (analyze) contractflow.contract");
      statement.execute("vacuum (analyze) contractflow.contract_share");
      statement.execute("vacuum (analyze) contractflow.contract_tag");
      statement.execute("vacuum (analyze) contractflow.audit_entry");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The owner of row {@code %s}: spread by a hash so that no pattern in the row number (the status,
   * the tasks) falls on one owner; 0 and 1 are the demo requesters.
   */
  private static String ownerOf(String row, int owners) {
    String slot = "(hashint4(" + row + ") & 2147483647) % " + owners;
    return "(case "
        + slot
        + " when 0 then 'rita' when 1 then 'ravi' else 'user-' || ("
        + slot
        + ") end)";
  }

  private static String arrayOf(String[] values) {
    return "array['" + String.join("','", values) + "']";
  }

  /**
   * Starts the open tasks through the engine on the real models, {@code threads} at a time: {@code
   * n / 1000} drafting tasks of DRAFT contracts (assigned to their owner) and {@code n / 1000}
   * review tasks of IN_REVIEW contracts (offered to legal-reviewer). Returns the seconds it took.
   */
  double startTasks(int n, int threads) throws Exception {
    long start = System.nanoTime();
    int each = Math.max(1, n / 1000);
    List<Map<String, Object>> drafts =
        jdbc.queryForList(
            "select id, reference, title, owner from contractflow.contract where status = 'DRAFT'"
                + " order by id limit ?",
            each);
    List<Map<String, Object>> reviews =
        jdbc.queryForList(
            "select id, reference, title, owner from contractflow.contract where status = 'IN_REVIEW'"
                + " order by id limit ?",
            each);
    Date due = Date.from(Instant.now().plusSeconds(3 * 86400));
    Date remind = Date.from(Instant.now().plusSeconds(30 * 86400));
    AtomicInteger started = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Progress progress =
        Progress.printing(
            () ->
                String.format(
                    "[tasks] %,d/%,d process instances started",
                    started.get(), drafts.size() + reviews.size()))) {
      List<Future<?>> batches = new ArrayList<>();
      batches.addAll(submit(pool, drafts, started, row -> startDrafting(row)));
      batches.addAll(submit(pool, reviews, started, row -> startReview(row, due, remind)));
      for (Future<?> batch : batches) {
        batch.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String table :
          List.of("act_ru_task", "act_ru_identitylink", "act_ru_execution", "act_ru_variable")) {
        statement.execute("vacuum (analyze) public." + table);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private List<Future<?>> submit(
      ExecutorService pool,
      List<Map<String, Object>> rows,
      AtomicInteger started,
      java.util.function.Consumer<Map<String, Object>> step) {
    List<Future<?>> batches = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += START_BATCH) {
      List<Map<String, Object>> slice =
          rows.subList(from, Math.min(rows.size(), from + START_BATCH));
      batches.add(
          pool.submit(
              () ->
                  transactions.executeWithoutResult(
                      tx -> {
                        slice.forEach(step);
                        started.addAndGet(slice.size());
                      })));
    }
    return batches;
  }

  private void startDrafting(Map<String, Object> row) {
    String id = row.get("id").toString();
    runtime
        .createProcessInstanceByKey("contract-drafting")
        .businessKey(id)
        .setVariable("contractId", id)
        .setVariable("reference", row.get("reference"))
        .setVariable("contractTitle", row.get("title"))
        .setVariable("owner", row.get("owner"))
        .execute();
  }

  private void startReview(Map<String, Object> row, Date due, Date remind) {
    String id = row.get("id").toString();
    runtime
        .createProcessInstanceByKey("contract-review")
        .businessKey(id)
        .setVariable("contractId", id)
        .setVariable("reference", row.get("reference"))
        .setVariable("contractTitle", row.get("title"))
        .setVariable("owner", row.get("owner"))
        .setVariable("approverGroups", new ArrayList<>(List.of("legal-reviewer")))
        .setVariable("reviewDueDate", due)
        .setVariable("reviewReminderAt", remind)
        .setVariable("reviewEscalationAt", remind)
        .setVariable("rejected", false)
        .setVariable("changesRequested", false)
        .startBeforeActivity("Task_ReviewContract#multiInstanceBody")
        .execute();
  }
}

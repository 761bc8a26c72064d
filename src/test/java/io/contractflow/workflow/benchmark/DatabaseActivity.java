package io.contractflow.workflow.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database did between two moments, from PostgreSQL's own statistics views (no extension
 * needed): transactions committed and rolled back ({@code pg_stat_database}) and, per table, rows
 * inserted, updated and deleted and scans started ({@code pg_stat_user_tables}: each index or
 * sequential scan is roughly one statement that read the table). The statistics reach the views
 * within about a second of each commit, so a snapshot is taken after a short pause.
 */
record DatabaseActivity(long commits, long rollbacks, Map<String, long[]> tables) {

  /** inserted, updated, deleted, scans, of which sequential */
  private static final int COLUMNS = 5;

  static DatabaseActivity snapshot(JdbcTemplate jdbc) {
    Polling.sleep(1500);
    Map<String, Object> db =
        jdbc.queryForMap(
            "select xact_commit, xact_rollback from pg_stat_database where datname = current_database()");
    Map<String, long[]> tables = new HashMap<>();
    jdbc.query(
        "select schemaname || '.' || relname as name, n_tup_ins, n_tup_upd, n_tup_del,"
            + " coalesce(seq_scan, 0) + coalesce(idx_scan, 0) as scans, coalesce(seq_scan, 0) as seq"
            + " from pg_stat_user_tables",
        rs -> {
          tables.put(
              rs.getString("name"),
              new long[] {
                rs.getLong("n_tup_ins"),
                rs.getLong("n_tup_upd"),
                rs.getLong("n_tup_del"),
                rs.getLong("scans"),
                rs.getLong("seq")
              });
        });
    return new DatabaseActivity(
        ((Number) db.get("xact_commit")).longValue(),
        ((Number) db.get("xact_rollback")).longValue(),
        tables);
  }

  /** What happened from {@code before} to this snapshot. */
  DatabaseActivity since(DatabaseActivity before) {
    Map<String, long[]> delta = new HashMap<>();
    tables.forEach(
        (name, now) -> {
          long[] then = before.tables.getOrDefault(name, new long[COLUMNS]);
          long[] d = new long[COLUMNS];
          for (int i = 0; i < COLUMNS; i++) {
            d[i] = now[i] - then[i];
          }
          delta.put(name, d);
        });
    return new DatabaseActivity(commits - before.commits, rollbacks - before.rollbacks, delta);
  }

  /** Rows written (inserted + updated + deleted) in all tables. */
  long rowsWritten() {
    return tables.values().stream().mapToLong(t -> t[0] + t[1] + t[2]).sum();
  }

  /** Scans (statements that read a table) in all tables. */
  long scans() {
    return tables.values().stream().mapToLong(t -> t[3]).sum();
  }

  /** Per unit of work ({@code per}: e.g. contracts expired), the busiest tables first. */
  Map<String, Object> per(long per, int top) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("commits", Throughput.round((double) commits / per));
    map.put("rollbacks", Throughput.round((double) rollbacks / per));
    map.put("rowsWritten", Throughput.round((double) rowsWritten() / per));
    map.put("tableScans", Throughput.round((double) scans() / per));
    List<Map.Entry<String, long[]>> busiest = new ArrayList<>(tables.entrySet());
    busiest.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -weight(e.getValue())));
    Map<String, String> byTable = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : busiest.subList(0, Math.min(top, busiest.size()))) {
      long[] t = e.getValue();
      if (weight(t) == 0) {
        break;
      }
      byTable.put(
          e.getKey(),
          String.format(
              "ins %.1f upd %.1f del %.1f scans %.1f (seq %.1f)",
              (double) t[0] / per,
              (double) t[1] / per,
              (double) t[2] / per,
              (double) t[3] / per,
              (double) t[4] / per));
    }
    map.put("byTable", byTable);
    return map;
  }

  private static long weight(long[] t) {
    return t[0] + t[1] + t[2] + t[3];
  }
}

package io.contractflow.search;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One writer of the index at a time across all nodes: a PostgreSQL advisory lock held for a
 * transaction. The outbox handler ({@link IndexUpdates}) leaves its entries due while it is taken;
 * a rebuild waits for it and holds it until the alias has moved, so changes made during a rebuild
 * stay in the outbox and reach the new index afterwards.
 */
final class SearchLock {

  /** An arbitrary constant naming this lock ("CFSEARCH"). */
  private static final long KEY = 0x4346534541524348L;

  private SearchLock() {}

  static boolean tryTake(JdbcTemplate jdbc) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, KEY));
  }

  static void take(JdbcTemplate jdbc) {
    jdbc.query("select pg_advisory_xact_lock(?)", rs -> {}, KEY);
  }
}

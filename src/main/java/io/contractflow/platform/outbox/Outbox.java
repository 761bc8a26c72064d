package io.contractflow.platform.outbox;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox ({@code contractflow.outbox}): work for later, written in the caller's
 * transaction, so an entry exists exactly when that transaction commits. Once it has, {@link
 * OutboxWorker} hands the entry to its topic's {@link OutboxHandler}. Every feature that needs work
 * done after commit (the search index, mail) writes here; none keeps a queue of its own.
 */
@Component
public class Outbox {

  private final JdbcTemplate jdbc;
  private final OutboxSignal signal;

  Outbox(JdbcTemplate jdbc, OutboxSignal signal) {
    this.jdbc = jdbc;
    this.signal = signal;
  }

  /** Writes one entry in the caller's transaction. */
  public void add(String topic, String payload) {
    jdbc.update("insert into contractflow.outbox (topic, payload) values (?, ?)", topic, payload);
    wakeAfterCommit(topic);
  }

  /** Writes one entry per payload in the caller's transaction. */
  public void addAll(String topic, Collection<String> payloads) {
    if (payloads.isEmpty()) {
      return;
    }
    List<Object[]> rows = payloads.stream().map(payload -> new Object[] {topic, payload}).toList();
    jdbc.batchUpdate("insert into contractflow.outbox (topic, payload) values (?, ?)", rows);
    wakeAfterCommit(topic);
  }

  /**
   * Writes the entry unless one with the same key exists (in any state, done ones included as long
   * as they are kept: see {@link #purgeDone}); returns whether it was written. Nodes writing the
   * same key at once write it once.
   */
  public boolean addOnce(String topic, String payload, String dedupeKey) {
    boolean added =
        jdbc.update(
                "insert into contractflow.outbox (topic, payload, dedupe_key) values (?, ?, ?)"
                    + " on conflict (dedupe_key) do nothing",
                topic,
                payload,
                dedupeKey)
            == 1;
    if (added) {
      wakeAfterCommit(topic);
    }
    return added;
  }

  /**
   * Deletes up to {@code batch} done entries of {@code topic} done more than {@code age} ago (by
   * the database's clock, the outbox's own); returns how many. Only entries with a key are kept
   * once done.
   */
  public int purgeDone(String topic, Duration age, int batch) {
    return jdbc.update(
        """
        delete from contractflow.outbox where id in (select id from contractflow.outbox
            where topic = ? and done_at < now() - make_interval(secs => ?) limit ?)""",
        topic,
        age.toMillis() / 1000.0,
        batch);
  }

  private void wakeAfterCommit(String topic) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              signal.wake(topic);
            }
          });
    } else {
      signal.wake(topic);
    }
  }
}

package io.contractflow.platform.outbox;

import java.util.List;
import java.util.Map;

/**
 * Works the entries of one topic. A feature declares one as a bean; {@link OutboxWorker} calls it
 * after the transactions that wrote the entries have committed, inside a transaction that holds the
 * entries' row locks ({@code FOR UPDATE SKIP LOCKED}), so no other node works them meanwhile.
 * Whatever the handler writes to the database commits with the entries being marked done.
 */
public interface OutboxHandler {

  /** The topic it works, e.g. {@code mail}: the {@code outbox} label of the outbox metrics too. */
  String topic();

  /** When failed entries are tried again, and whether they are ever given up. */
  RetryPolicy retryPolicy();

  /** At most this many entries per call (and per transaction). */
  default int batchSize() {
    return 1;
  }

  /**
   * How long this topic's lane lets entries gather after a round that did not fill a batch, before
   * the next: a topic whose handler gains from large batches (one bulk request for many entries)
   * trades this much delay for fewer, larger batches when entries arrive one commit at a time. Zero
   * (the default): worked at once, for topics where a person waits (mail).
   */
  default java.time.Duration linger() {
    return java.time.Duration.ZERO;
  }

  /**
   * Called before each round of this topic, outside any transaction (to check a dependency, say).
   */
  default void beforeRound() {}

  /**
   * Whether, when a batch of several entries fails as a whole, each entry is worked again alone at
   * once (no attempt counted for the batch), so that one entry that cannot be worked fails alone
   * instead of taking its batch with it. For handlers that work entry by entry in one transaction
   * (composing notifications); not for a handler whose batch is one request to a service that may
   * be down (the search index's bulk request: alone, each entry would wait the same timeout). A
   * failure to reach the database or another service ({@code ConnectionFailures}) is never split.
   */
  default boolean workAloneOnFailure() {
    return false;
  }

  /**
   * Works the entries.
   *
   * @return the entries that could not be worked, by id, each with why: they are tried again as the
   *     retry policy says, and the others count as done (empty: all done)
   * @throws NotNow when the topic cannot be worked just now: nothing is counted, the entries stay
   *     due
   * @throws Exception when none could be worked: what the handler wrote is rolled back and every
   *     entry is tried again as the retry policy says
   */
  Map<Long, String> handle(List<OutboxEntry> entries) throws Exception;

  /**
   * The topic cannot be worked just now (another node holds what it needs); not a failed attempt.
   */
  final class NotNow extends RuntimeException {
    public NotNow(String reason) {
      super(reason, null, false, false);
    }
  }
}

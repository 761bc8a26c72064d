package io.contractflow.platform.outbox;

import io.contractflow.platform.outage.ConnectionFailures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worker of the outbox: from start-up (after the database is migrated) to shutdown, one thread
 * per topic (a lane, {@code outbox-<topic>}) works that topic's due entries, then waits for the
 * next poll or for a commit on this node that wrote an entry of the topic. Lanes keep the topics
 * from waiting on each other: a signer's code mail is not sent only after the search index's bulk
 * request and the composition of everyone's notifications; within a topic, entries are still worked
 * oldest first by one thread.
 *
 * <p>Each batch is one transaction: the due entries of one topic, oldest first, locked {@code FOR
 * UPDATE SKIP LOCKED} (another node working the same database takes other entries, never these),
 * handed to the topic's handler, and marked done in the same transaction. A node that dies
 * mid-batch rolls back; its entries become due for the others (so an entry is worked at least once,
 * and by one node at a time). A failed attempt is counted, with the wait of the topic's {@link
 * RetryPolicy} (doubling up to a maximum), until it is given up: marked failed, left in the table
 * for an operator. When the handler throws, what it wrote rolls back and the failure is recorded
 * afterwards in a transaction of its own.
 */
public class OutboxWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(15);

  private final OutboxStore store;
  private final List<OutboxHandler> handlers;
  private final OutboxProperties properties;
  private final TransactionTemplate transactions;
  private final OutboxSignal signal;
  private volatile boolean running;
  private final List<Thread> lanes = new ArrayList<>();

  OutboxWorker(
      OutboxStore store,
      List<OutboxHandler> handlers,
      OutboxProperties properties,
      PlatformTransactionManager transactions,
      OutboxSignal signal) {
    this.store = store;
    this.handlers = List.copyOf(handlers);
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactions);
    this.signal = signal;
  }

  /** The topics this worker works. */
  public List<String> topics() {
    return handlers.stream().map(OutboxHandler::topic).toList();
  }

  /**
   * One round: every topic's due entries, batch by batch, until a batch does nothing (none due, not
   * now, or all of it failed: the rest waits for the next poll rather than meet the same failure at
   * once); returns how many entries were done. Safe to call beside the worker's own thread (tests
   * do): the row locks keep them apart.
   */
  public int workDue() {
    int worked = 0;
    for (OutboxHandler handler : handlers) {
      Lane lane = new Lane(handler);
      worked += lane.round();
      if (lane.gaveUpThisRound) {
        return worked; // the other topics would meet the same: the next poll tries again
      }
    }
    return worked;
  }

  private int workTopic(OutboxHandler handler) {
    int worked = 0;
    for (int i = 0; i < properties.batchesPerRound(); i++) {
      int batch = workBatch(handler);
      if (batch == 0) {
        break;
      }
      worked += batch;
    }
    return worked;
  }

  /**
   * One batch of the topic in one transaction; the number of entries done (0: none due, not now, or
   * all failed). When a batch of several fails as a whole and the handler says so ({@link
   * OutboxHandler#workAloneOnFailure}), its entries are worked again one by one at once, so the one
   * that failed it fails alone.
   */
  int workBatch(OutboxHandler handler) {
    Batch batch = workLocked(handler, () -> store.lockDue(handler.topic(), handler.batchSize()));
    if (batch.failed().size() > 1 && handler.workAloneOnFailure() && !unreachable(batch.cause())) {
      int done = 0;
      for (OutboxEntry entry : batch.failed()) {
        done += settle(handler, workLocked(handler, () -> store.lockDueById(entry.id())));
      }
      return done;
    }
    return settle(handler, batch);
  }

  /**
   * The failure is one of reaching something (the database, or another service: an I/O failure in
   * its causes), which every entry of the batch would meet alike.
   */
  private static boolean unreachable(Throwable failure) {
    if (ConnectionFailures.isConnectionFailure(failure)) {
      return true;
    }
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  /** Records the failure of a batch that failed as a whole; the number of entries done. */
  private int settle(OutboxHandler handler, Batch batch) {
    if (!batch.failed().isEmpty()) {
      transactions.executeWithoutResult(status -> failed(handler, batch.failed(), batch.error()));
    }
    return batch.done();
  }

  /** Locks the entries, hands them to the handler and marks them done, in one transaction. */
  private Batch workLocked(OutboxHandler handler, Supplier<List<OutboxEntry>> lock) {
    Batch batch =
        transactions.execute(
            status -> {
              List<OutboxEntry> due = lock.get();
              if (due.isEmpty()) {
                return Batch.NONE;
              }
              Map<Long, String> refused;
              try {
                refused = handler.handle(due);
              } catch (OutboxHandler.NotNow notNow) {
                status.setRollbackOnly();
                log.debug(
                    "Outbox topic {} not worked now: {}", handler.topic(), notNow.getMessage());
                return Batch.NONE;
              } catch (Exception e) {
                status.setRollbackOnly(); // nothing the handler wrote stays; the row locks go with
                // the transaction
                return new Batch(0, due, describe(e), e);
              }
              List<OutboxEntry> done = new ArrayList<>();
              for (OutboxEntry entry : due) {
                String error = refused.get(entry.id());
                if (error == null) {
                  done.add(entry);
                } else {
                  failed(handler, List.of(entry), error);
                }
              }
              store.done(done);
              return new Batch(done.size(), List.of(), null, null);
            });
    return batch == null ? Batch.NONE : batch;
  }

  /**
   * Records a failed attempt at each entry (skipping those another node has worked meanwhile). The
   * log has a line for entries that failed for the first time and for each entry given up; later
   * retries only at debug level.
   */
  private void failed(OutboxHandler handler, List<OutboxEntry> entries, String error) {
    int first = 0;
    int again = 0;
    for (OutboxEntry entry : entries) {
      int failures = entry.attempts() + 1;
      Duration retryIn = handler.retryPolicy().retryAfter(failures);
      if (!store.failed(entry, error, retryIn)) {
        continue;
      }
      if (retryIn == null) {
        log.error(
            "Outbox {} entry {} given up after {} attempts: {}",
            entry.topic(),
            entry.id(),
            failures,
            error);
      } else if (failures == 1) {
        first++;
      } else {
        again++;
      }
    }
    if (first > 0) {
      log.warn(
          "Outbox {}: {} entr{} failed, tried again from {} on: {}",
          handler.topic(),
          first,
          first == 1 ? "y" : "ies",
          handler.retryPolicy().retryAfter(1),
          error);
    }
    if (again > 0) {
      log.debug(
          "Outbox {}: {} entr{} failed again: {}",
          handler.topic(),
          again,
          again == 1 ? "y" : "ies",
          error);
    }
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /**
   * What a batch did: how many entries are done, and those that all failed with one error (after a
   * rollback).
   */
  private record Batch(int done, List<OutboxEntry> failed, String error, Exception cause) {
    static final Batch NONE = new Batch(0, List.of(), null, null);
  }

  /**
   * One topic's lane: its rounds, its wait for the next poll or signal, and what it has said about
   * a database outage.
   */
  private final class Lane {

    private final OutboxHandler handler;

    /** The lane met no database connection (and said so); cleared by a good round. */
    private boolean databaseDown;

    private boolean gaveUpThisRound;

    Lane(OutboxHandler handler) {
      this.handler = handler;
    }

    /** The topic's due entries, batch by batch; how many were done. */
    int round() {
      gaveUpThisRound = false;
      try {
        handler.beforeRound();
        return workTopic(handler);
      } catch (RuntimeException e) {
        if (ConnectionFailures.isConnectionFailure(e)) {
          waitingForDatabase(e);
        } else {
          log.warn(
              "Outbox round of topic {} failed; trying again in {}: {}",
              handler.topic(),
              properties.pollInterval(),
              e.toString());
        }
        return 0;
      }
    }

    /**
     * No database connection: said once per outage (a warning), then only at debug level, so an
     * outage does not flood the log every poll; the entries stay as they are and the lane goes on
     * by itself when the database answers.
     */
    private void waitingForDatabase(RuntimeException e) {
      gaveUpThisRound = true;
      if (!databaseDown) {
        databaseDown = true;
        log.warn(
            "Outbox lane {} has no database connection; it tries again every {} until it has: {}",
            handler.topic(),
            properties.pollInterval(),
            e.toString());
      } else {
        log.debug("Outbox lane {} still has no database connection: {}", handler.topic(), e);
      }
    }

    void loop() {
      long linger = handler.linger().toMillis();
      while (running) {
        int worked = round();
        if (databaseDown && !gaveUpThisRound) {
          databaseDown = false;
          log.info("Outbox lane {} has its database again and goes on", handler.topic());
        }
        try {
          if (worked == 0 && running) {
            signal.await(handler.topic(), properties.pollInterval());
          }
          if (linger > 0 && worked < handler.batchSize() && running) {
            Thread.sleep(linger); // let the next batch gather
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    for (OutboxHandler handler : handlers) {
      Thread lane = new Thread(new Lane(handler)::loop, "outbox-" + handler.topic());
      lane.setDaemon(true);
      lane.start();
      lanes.add(lane);
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    signal.wakeAll();
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    try {
      for (Thread lane : lanes) {
        lane.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lanes.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}

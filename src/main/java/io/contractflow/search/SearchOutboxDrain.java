package io.contractflow.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the outbox to OpenSearch: in each round the rows that are due, oldest first, in one transaction that holds
 * the search lock. It reads each contract's current state from the database (so the order of changes does not
 * matter and a repeat is harmless), writes them in one bulk request and deletes exactly the rows it read. When
 * OpenSearch cannot be reached or refuses a contract, those rows stay with a later due time (doubling per attempt up
 * to {@code retry-max}); the backlog drains when it answers again. If the alias is missing (first start, a wiped
 * cluster) the index is rebuilt from the database first.
 */
@Component
class SearchOutboxDrain implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SearchOutboxDrain.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final IndexedContracts contracts;
  private final ContractIndex index;
  private final ContractIndexWriter writer;
  private final ContractReindexer reindexer;
  private final SearchProperties.Outbox settings;
  private ScheduledExecutorService executor;
  private volatile boolean indexReady;
  private volatile boolean running;
  private boolean unavailableLogged;

  SearchOutboxDrain(JdbcTemplate jdbc, TransactionTemplate transactions, IndexedContracts contracts,
      ContractIndex index, ContractIndexWriter writer, ContractReindexer reindexer, SearchProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.contracts = contracts;
    this.index = index;
    this.writer = writer;
    this.reindexer = reindexer;
    this.settings = properties.outbox();
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "search-outbox");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::round, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (executor != null) {
      executor.shutdown();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Changes not yet in the index. */
  private void round() {
    try {
      if (!indexReady) {
        ensureIndex();
      }
      while (running && drainOnce() > 0) {
        // keep going while rows are due
      }
    } catch (RuntimeException e) {
      log.warn("Search outbox round failed; trying again in {}", settings.pollInterval(), e);
    }
  }

  private void ensureIndex() {
    try {
      if (!index.exists()) {
        reindexer.rebuildIfMissing();
      }
      indexReady = true;
    } catch (Exception e) {
      if (!unavailableLogged) {
        log.warn("OpenSearch is not available ({}); contract changes wait in the outbox", e.toString());
        unavailableLogged = true;
      }
      return;
    }
    if (unavailableLogged) {
      log.info("OpenSearch is available again; the outbox drains");
      unavailableLogged = false;
    }
  }

  /** One batch of due rows; the number of rows taken (0: nothing due, or another node is writing). */
  int drainOnce() {
    Integer taken = transactions.execute(status -> {
      if (!SearchLock.tryTake(jdbc)) {
        return 0;
      }
      Map<Long, UUID> rows = new LinkedHashMap<>();
      Map<Long, Integer> attempts = new LinkedHashMap<>();
      jdbc.query("select id, contract_id, attempts from contractflow.search_outbox where next_attempt_at <= now() "
              + "order by id limit ?",
          rs -> {
            rows.put(rs.getLong("id"), rs.getObject("contract_id", UUID.class));
            attempts.put(rs.getLong("id"), rs.getInt("attempts"));
          }, settings.batchSize());
      if (rows.isEmpty()) {
        return 0;
      }
      Set<UUID> ids = new LinkedHashSet<>(rows.values());
      Map<UUID, IndexedContract> current = contracts.load(ids);
      List<UUID> deleted = ids.stream().filter(id -> !current.containsKey(id)).toList();
      Map<String, String> failed;
      try {
        failed = writer.write(index.alias(), current.values(), deleted);
      } catch (Exception e) {
        indexReady = false;
        String error = e.toString();
        rows.keySet().forEach(row -> retryLater(row, attempts.get(row), error));
        if (unavailableLogged) {
          log.debug("Search index still not reachable; {} change(s) retried later: {}", rows.size(), error);
        } else {
          log.warn("Search index not reachable; {} change(s) wait in the outbox: {}", rows.size(), error);
        }
        return 0;
      }
      List<Long> done = new ArrayList<>();
      rows.forEach((row, contractId) -> {
        String error = failed.get(contractId.toString());
        if (error == null) {
          done.add(row);
        } else {
          retryLater(row, attempts.get(row), error);
        }
      });
      if (!failed.isEmpty()) {
        log.warn("Search index refused {} contract(s), retried later: {}", failed.size(), failed);
      }
      if (!done.isEmpty()) {
        jdbc.update("delete from contractflow.search_outbox where id = any(?)",
            ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", done.toArray())));
      }
      return done.size();
    });
    return taken == null ? 0 : taken;
  }

  private void retryLater(long row, int previousAttempts, String error) {
    Duration wait = backoff(previousAttempts + 1);
    jdbc.update("update contractflow.search_outbox set attempts = attempts + 1, "
            + "next_attempt_at = now() + make_interval(secs => ?), last_error = ? where id = ?",
        wait.toMillis() / 1000.0, error.length() > 1000 ? error.substring(0, 1000) : error, row);
  }

  private Duration backoff(int attempt) {
    return backoff(attempt, settings.retryBase(), settings.retryMax());
  }

  /** {@code base} doubled per attempt after the first, at most {@code max}. */
  static Duration backoff(int attempt, Duration base, Duration max) {
    long wait = attempt >= 31 ? max.toMillis() : Math.min(max.toMillis(), base.toMillis() << Math.max(0, attempt - 1));
    return Duration.ofMillis(wait);
  }
}

package io.contractflow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the index from the database: a new index, every contract written into it in id order,
 * then the alias moved over atomically and the old index deleted. Searches keep using the old index
 * until the switch. It holds the search lock throughout, so the outbox waits and afterwards brings
 * the new index up to date with whatever changed meanwhile. Progress goes to the log and to {@link
 * #progress()}.
 */
@Component
class ContractReindexer {

  private static final Logger log = LoggerFactory.getLogger(ContractReindexer.class);
  private static final Duration LOG_EVERY = Duration.ofSeconds(5);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final IndexedContracts contracts;
  private final ContractIndex index;
  private final ContractIndexWriter writer;
  private final int batchSize;
  private final int concurrency;
  private final AtomicReference<ReindexProgress> progress = new AtomicReference<>();

  ContractReindexer(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      IndexedContracts contracts,
      ContractIndex index,
      ContractIndexWriter writer,
      SearchProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.contracts = contracts;
    this.index = index;
    this.writer = writer;
    this.batchSize = properties.reindexBatchSize();
    this.concurrency = properties.reindexConcurrency();
  }

  /** The running or last rebuild, if any. */
  ReindexProgress progress() {
    return progress.get();
  }

  /**
   * Builds the index if the alias does not exist (first start, a wiped cluster); another node may
   * have meanwhile.
   */
  void rebuildIfMissing() {
    transactions.executeWithoutResult(
        status -> {
          SearchLock.take(jdbc);
          try {
            if (!index.exists()) {
              log.info(
                  "Search index alias '{}' is missing; building it from the database",
                  index.alias());
              build("startup");
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Rebuilds the index; returns when the alias points at the new one. */
  ReindexProgress rebuild(String requestedBy) {
    return transactions.execute(
        status -> {
          SearchLock.take(jdbc);
          try {
            return build(requestedBy);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private ReindexProgress build(String requestedBy) throws IOException {
    Instant started = Instant.now();
    long total = contracts.count();
    String target = index.create();
    log.info("Reindex requested by {}: {} contract(s) into {}", requestedBy, total, target);
    ReindexProgress state = ReindexProgress.started(target, requestedBy, total, started);
    progress.set(state);
    long done = 0;
    Instant lastLog = started;
    UUID after = null;
    try (BulkLoader loader = new BulkLoader(writer, target, concurrency)) {
      index.bulkLoading(target, true);
      while (true) {
        List<IndexedContract> page = contracts.page(after, batchSize);
        if (page.isEmpty()) {
          break;
        }
        loader.add(page);
        done = loader.written();
        after = UUID.fromString(page.get(page.size() - 1).id());
        state = state.advanced(done);
        progress.set(state);
        if (Duration.between(lastLog, Instant.now()).compareTo(LOG_EVERY) >= 0) {
          lastLog = Instant.now();
          log.info(
              "Reindex into {}: {} of {} contracts ({}%), {}/s",
              target,
              done,
              total,
              total == 0 ? 100 : done * 100 / Math.max(total, done),
              state.perSecond());
        }
      }
      done = loader.finish();
      state = state.advanced(done);
      index.bulkLoading(target, false);
      index.refresh(target);
      index.switchTo(target);
    } catch (IOException | RuntimeException e) {
      progress.set(state.failed(e.toString()));
      log.error(
          "Reindex into {} failed after {} contracts; the alias still points at the old index",
          target,
          done,
          e);
      try {
        index.delete(target);
      } catch (IOException | RuntimeException cleanup) {
        log.warn("Could not delete the unfinished index {}", target, cleanup);
      }
      throw e;
    }
    state = state.finished();
    progress.set(state);
    log.info(
        "Reindex done: alias '{}' now points at {} with {} contracts ({} s, {}/s)",
        index.alias(),
        target,
        done,
        state.seconds(),
        state.perSecond());
    return state;
  }
}

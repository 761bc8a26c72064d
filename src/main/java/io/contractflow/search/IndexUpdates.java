package io.contractflow.search;

import io.contractflow.platform.outbox.OutboxEntry;
import io.contractflow.platform.outbox.OutboxHandler;
import io.contractflow.platform.outbox.RetryPolicy;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes the outbox's contract changes (topic {@value #TOPIC}) to OpenSearch, up to {@code
 * batch-size} entries per bulk request, under the search lock: one writer of the index across all
 * nodes, and none while a rebuild runs (the entries wait and reach the new index afterwards). It
 * reads each contract's current state from the database (so the order of changes does not matter
 * and a repeat is harmless) and writes them in one bulk request; a contract that no longer exists
 * is deleted from the index. When OpenSearch cannot be reached or refuses a contract, those entries
 * are retried with a doubling wait ({@code retry-base} up to {@code retry-max}), for ever: the
 * backlog drains when it answers again. If the alias is missing (first start, a wiped cluster) the
 * index is rebuilt from the database first.
 */
@Component
@Order(1)
class IndexUpdates implements OutboxHandler {

  static final java.time.Duration LINGER = java.time.Duration.ofMillis(250);

  static final String TOPIC = "search";
  private static final Logger log = LoggerFactory.getLogger(IndexUpdates.class);

  private final JdbcTemplate jdbc;
  private final IndexedContracts contracts;
  private final ContractIndex index;
  private final ContractIndexWriter writer;
  private final ContractReindexer reindexer;
  private final SearchProperties.Outbox settings;
  private final RetryPolicy retry;
  private volatile boolean indexReady;
  private volatile boolean unavailableLogged;

  IndexUpdates(
      JdbcTemplate jdbc,
      IndexedContracts contracts,
      ContractIndex index,
      ContractIndexWriter writer,
      ContractReindexer reindexer,
      SearchProperties properties) {
    this.jdbc = jdbc;
    this.contracts = contracts;
    this.index = index;
    this.writer = writer;
    this.reindexer = reindexer;
    this.settings = properties.outbox();
    this.retry = new RetryPolicy(settings.retryBase(), settings.retryMax(), 0);
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  public RetryPolicy retryPolicy() {
    return retry;
  }

  /**
   * Changes gather for a moment so that one bulk request carries many (the index is near real time
   * anyway).
   */
  @Override
  public java.time.Duration linger() {
    return LINGER;
  }

  @Override
  public int batchSize() {
    return settings.batchSize();
  }

  /**
   * Builds the index first if its alias is missing; while OpenSearch is down the entries are still
   * tried.
   */
  @Override
  public void beforeRound() {
    if (indexReady) {
      return;
    }
    try {
      if (!index.exists()) {
        reindexer.rebuildIfMissing();
      } else {
        addMissingFields();
      }
      indexReady = true;
    } catch (Exception e) {
      if (!unavailableLogged) {
        log.warn(
            "OpenSearch is not available ({}); contract changes wait in the outbox", e.toString());
        unavailableLogged = true;
      }
      return;
    }
    if (unavailableLogged) {
      log.info("OpenSearch is available again; the outbox drains");
      unavailableLogged = false;
    }
  }

  /** New fields of the mapping reach an index built before them; a conflict needs a rebuild. */
  private void addMissingFields() throws java.io.IOException {
    String refused = index.addMissingFields();
    if (refused != null) {
      log.warn(
          "The search index's mapping did not take the new fields ({}); rebuild it"
              + " (POST /api/search/reindex)",
          refused);
    }
  }

  @Override
  public Map<Long, String> handle(List<OutboxEntry> entries) throws Exception {
    if (!SearchLock.tryTake(jdbc)) {
      throw new NotNow("another node writes the index, or a rebuild runs");
    }
    Map<Long, UUID> contractOf = new HashMap<>();
    entries.forEach(entry -> contractOf.put(entry.id(), UUID.fromString(entry.payload())));
    Set<UUID> ids = new LinkedHashSet<>(contractOf.values());
    Map<UUID, IndexedContract> current = contracts.load(ids);
    List<UUID> deleted = ids.stream().filter(id -> !current.containsKey(id)).toList();
    Map<String, String> failed;
    try {
      failed = writer.write(index.alias(), current.values(), deleted);
    } catch (Exception e) {
      indexReady = false;
      if (unavailableLogged) {
        log.debug(
            "Search index still not reachable; {} change(s) retried later: {}",
            entries.size(),
            e.toString());
      } else {
        log.warn(
            "Search index not reachable; {} change(s) wait in the outbox: {}",
            entries.size(),
            e.toString());
        unavailableLogged = true;
      }
      throw e;
    }
    if (!failed.isEmpty()) {
      log.warn("Search index refused {} contract(s), retried later: {}", failed.size(), failed);
    }
    Map<Long, String> refused = new HashMap<>();
    contractOf.forEach(
        (entry, contract) -> {
          String error = failed.get(contract.toString());
          if (error != null) {
            refused.put(entry, error);
          }
        });
    return refused;
  }
}

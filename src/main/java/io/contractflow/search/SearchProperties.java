package io.contractflow.search;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search on OpenSearch. With no {@code url} the embedded default starts a node in-process; with
 * one, the platform talks to that cluster.
 *
 * @param url an external cluster, e.g. {@code https://search.example:9200}; empty for the
 *     in-process node
 * @param username HTTP Basic user for the external cluster (empty for none)
 * @param password its password
 * @param tls trust for an {@code https} cluster
 * @param index the alias searches and writes go through; the indices behind it are {@code
 *     <index>-<timestamp>}
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout how long to wait for an answer
 * @param embedded the in-process node
 * @param outbox how committed changes reach the index
 * @param query limits of the search API
 * @param reindexBatchSize contracts per bulk request when the index is rebuilt
 * @param reindexConcurrency bulk requests in flight during a rebuild (the cluster indexes one while
 *     the next page is read)
 */
@ConfigurationProperties("contractflow.search")
public record SearchProperties(
    @DefaultValue("") String url,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue Tls tls,
    @DefaultValue("contracts") String index,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("15s") Duration socketTimeout,
    @DefaultValue Embedded embedded,
    @DefaultValue Outbox outbox,
    @DefaultValue Query query,
    @DefaultValue("500") int reindexBatchSize,
    @DefaultValue("2") int reindexConcurrency) {

  public boolean external() {
    return url != null && !url.isBlank();
  }

  /**
   * @param truststore a PKCS#12 truststore with the cluster's CA (empty: the JVM's default trust)
   * @param truststorePassword its password
   */
  public record Tls(
      @DefaultValue("") String truststore, @DefaultValue("") String truststorePassword) {}

  /**
   * @param dataDir where the in-process node keeps its indices (kept across restarts)
   * @param cleanOnStart wipe it on start (tests only)
   * @param sharedInJvm start one node per JVM and keep it until the JVM exits (tests: several
   *     Spring contexts)
   * @param maxHttpPort the node takes the first free HTTP port from 9201 up to this one
   * @param allowed whether a missing {@code url} may start the in-process node ({@code false} in
   *     {@code prod})
   */
  public record Embedded(
      @DefaultValue("true") boolean allowed,
      @DefaultValue("./data/opensearch") Path dataDir,
      @DefaultValue("false") boolean cleanOnStart,
      @DefaultValue("false") boolean sharedInJvm,
      @DefaultValue("9299") int maxHttpPort) {}

  /**
   * @param batchSize outbox entries per bulk request (the outbox's worker: {@code
   *     contractflow.outbox.*})
   * @param retryBase first wait after a failed attempt; it doubles per attempt (retried for ever)
   * @param retryMax longest wait between attempts
   */
  public record Outbox(
      @DefaultValue("200") int batchSize,
      @DefaultValue("1s") Duration retryBase,
      @DefaultValue("60s") Duration retryMax) {}

  /**
   * @param maxPageSize largest {@code size}
   * @param maxLength longest query text (400 above)
   * @param maxMultiTermOperators most wildcard, regex and fuzzy terms in one query (400 above)
   * @param maxExpansions terms a wildcard, prefix, regex or fuzzy term may expand to
   * @param maxDeepPage {@code page * size} beyond which {@code after} must be used
   */
  public record Query(
      @DefaultValue("100") int maxPageSize,
      @DefaultValue("500") int maxLength,
      @DefaultValue("5") int maxMultiTermOperators,
      @DefaultValue("50") int maxExpansions,
      @DefaultValue("10000") int maxDeepPage) {}
}

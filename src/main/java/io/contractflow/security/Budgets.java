package io.contractflow.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (a user, a source address), all alike: {@code capacity} tokens refilled
 * evenly over {@code period} (Bucket4j, in this node's memory). At most {@code maxKeys} are kept:
 * past that, full buckets (idle keys, which lose nothing by starting afresh) are dropped, and if
 * all are in use the oldest go.
 */
public final class Budgets {

  private final long capacity;
  private final Duration period;
  private final int maxKeys;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public Budgets(long capacity, Duration period, int maxKeys) {
    this.capacity = capacity;
    this.period = period;
    this.maxKeys = maxKeys;
  }

  /** Takes one token; empty when it was there, else how long until one is. */
  public Optional<Duration> take(String key) {
    ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /** Whether a token is there, without taking it: empty if so, else how long until one is. */
  public Optional<Duration> check(String key) {
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      return Optional.empty();
    }
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    return probe.canBeConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private Bucket bucket(String key) {
    Bucket bucket = buckets.get(key);
    if (bucket != null) {
      return bucket;
    }
    if (buckets.size() >= maxKeys) {
      buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
      for (Iterator<String> keys = buckets.keySet().iterator();
          buckets.size() >= maxKeys && keys.hasNext(); ) {
        keys.next();
        keys.remove();
      }
    }
    return buckets.computeIfAbsent(
        key,
        k ->
            Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build());
  }
}

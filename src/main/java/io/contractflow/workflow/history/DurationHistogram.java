package io.contractflow.workflow.history;

import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted in logarithmic buckets: bucket {@code b} holds durations from {@code 1.04^b} to
 * {@code 1.04^(b+1)} milliseconds, so a percentile read from it is within 2 % of the exact one,
 * however many durations were counted. Histograms of months add up to the histogram of their
 * window.
 */
final class DurationHistogram {

  /** The growth from one bucket to the next; the SQL that fills buckets uses the same. */
  static final double BASE = 1.04;

  private final TreeMap<Integer, Long> counts = new TreeMap<>();
  private long total;

  void add(int bucket, long n) {
    counts.merge(bucket, n, Long::sum);
    total += n;
  }

  void addAll(DurationHistogram other) {
    other.counts.forEach(this::add);
  }

  long count() {
    return total;
  }

  /**
   * The {@code q} quantile in hours, interpolated as {@code percentile_cont} does between the ranks
   * either side, each rank's duration taken as its bucket's geometric middle.
   */
  double percentileHours(double q) {
    if (total == 0) {
      return 0;
    }
    double rank = q * (total - 1);
    long below = (long) Math.floor(rank);
    double lower = valueAt(below);
    double upper = valueAt(Math.min(below + 1, total - 1));
    return (lower + (upper - lower) * (rank - below)) / 3_600_000.0;
  }

  /** The duration in milliseconds of the {@code rank}-th (from 0) shortest. */
  private double valueAt(long rank) {
    long seen = 0;
    for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
      seen += bucket.getValue();
      if (rank < seen) {
        return Math.pow(BASE, bucket.getKey() + 0.5);
      }
    }
    return Math.pow(BASE, counts.lastKey() + 0.5);
  }

  /** The bucket a duration of {@code millis} falls in (as the SQL computes it). */
  static int bucketOf(long millis) {
    return (int) Math.floor(Math.log(Math.max(millis, 1)) / Math.log(BASE));
  }
}

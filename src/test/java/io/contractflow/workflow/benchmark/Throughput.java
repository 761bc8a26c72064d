package io.contractflow.workflow.benchmark;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one batch of lifecycles achieved: how many finished per second of wall-clock time, and how
 * long one whole lifecycle took (median and 95th percentile, nearest rank). Failed lifecycles count
 * in neither.
 */
record Throughput(
    String label,
    int attempted,
    int completed,
    int failed,
    double seconds,
    double perSecond,
    double p50Seconds,
    double p95Seconds,
    double maxSeconds,
    String firstFailure) {

  static Throughput of(
      String label,
      int attempted,
      int failed,
      long elapsedNanos,
      Collection<Long> latencyNanos,
      String firstFailure) {
    long[] sorted = latencyNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    double seconds = elapsedNanos / 1e9;
    return new Throughput(
        label,
        attempted,
        sorted.length,
        failed,
        seconds,
        sorted.length / seconds,
        percentile(sorted, 50),
        percentile(sorted, 95),
        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e9,
        firstFailure);
  }

  private static double percentile(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e9;
  }

  Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("lifecycles", attempted);
    map.put("completed", completed);
    map.put("failed", failed);
    map.put("seconds", round(seconds));
    map.put("lifecyclesPerSecond", round(perSecond));
    map.put("latencyP50Seconds", round(p50Seconds));
    map.put("latencyP95Seconds", round(p95Seconds));
    map.put("latencyMaxSeconds", round(maxSeconds));
    if (firstFailure != null) {
      map.put("firstFailure", firstFailure);
    }
    return map;
  }

  static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 1000) / 1000.0;
  }

  @Override
  public String toString() {
    return String.format(
        "%s: %d of %d lifecycles in %.1f s = %.2f lifecycles/s; latency p50 %.2f s, p95 %.2f s,"
            + " max %.2f s%s",
        label,
        completed,
        attempted,
        seconds,
        perSecond,
        p50Seconds,
        p95Seconds,
        maxSeconds,
        failed == 0 ? "" : "; " + failed + " FAILED, first: " + firstFailure);
  }
}

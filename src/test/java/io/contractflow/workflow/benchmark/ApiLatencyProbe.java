package io.contractflow.workflow.benchmark;

import io.contractflow.support.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Interactive work beside a long background run: a user reads one contract ({@code GET
 * /api/contracts/{id}}) and then the first page of the contract list ({@code GET /api/contracts}),
 * alternately, at a steady low rate ({@value #PER_SECOND} requests per second), from start until
 * {@link #stop}. Each request is sent by a small pool at its planned moment, so a slow answer does
 * not hold back the next (no coordinated omission): a latency runs from the planned moment to the
 * answer. Prints nothing; {@link Latencies} is read at the end.
 */
final class ApiLatencyProbe implements AutoCloseable {

  static final int PER_SECOND = 4;

  /** p50, p95, p99 and max in milliseconds of one kind of request, and how many failed. */
  record Latencies(
      int requests, int failed, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    static Latencies of(List<Long> nanos, int failed) {
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Latencies(
          sorted.length,
          failed,
          percentileMs(sorted, 50),
          percentileMs(sorted, 95),
          percentileMs(sorted, 99),
          sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentileMs(long[] sorted, int percent) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    Map<String, Object> asMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("requests", requests);
      map.put("failed", failed);
      map.put("p50Ms", Throughput.round(p50Ms));
      map.put("p95Ms", Throughput.round(p95Ms));
      map.put("p99Ms", Throughput.round(p99Ms));
      map.put("maxMs", Throughput.round(maxMs));
      return map;
    }

    @Override
    public String toString() {
      return String.format(
          "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (%d requests%s)",
          p50Ms, p95Ms, p99Ms, maxMs, requests, failed == 0 ? "" : ", " + failed + " FAILED");
    }
  }

  private final Api api;
  private final String user;
  private final String contractPath;
  private final ScheduledExecutorService ticker;
  private final ExecutorService senders;
  private final List<Long> reads = new ArrayList<>();
  private final List<Long> lists = new ArrayList<>();
  private final AtomicInteger readFailures = new AtomicInteger();
  private final AtomicInteger listFailures = new AtomicInteger();
  private final AtomicInteger tick = new AtomicInteger();
  private volatile boolean stopped;

  private ApiLatencyProbe(Api api, String user, String contractId) {
    this.api = api;
    this.user = user;
    this.contractPath = "/api/contracts/" + contractId;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "probe-ticker"));
    this.senders = Executors.newFixedThreadPool(8, runnable -> daemon(runnable, "probe-sender"));
  }

  /** Starts probing as {@code user}, who may read {@code contractId}. */
  static ApiLatencyProbe start(Api api, String user, String contractId) {
    ApiLatencyProbe probe = new ApiLatencyProbe(api, user, contractId);
    long period = 1_000_000_000L / PER_SECOND;
    probe.ticker.scheduleAtFixedRate(probe::send, 0, period, TimeUnit.NANOSECONDS);
    return probe;
  }

  private void send() {
    if (stopped) {
      return;
    }
    long planned = System.nanoTime();
    boolean read = tick.getAndIncrement() % 2 == 0;
    senders.execute(
        () -> {
          int status;
          try {
            status =
                api.as(user)
                    .get(read ? contractPath : "/api/contracts?size=20&sort=reference")
                    .status();
          } catch (RuntimeException e) {
            status = -1;
          }
          long took = System.nanoTime() - planned;
          synchronized (this) {
            if (status == 200) {
              (read ? reads : lists).add(took);
            } else {
              (read ? readFailures : listFailures).incrementAndGet();
            }
          }
        });
  }

  /** Stops sending, waits for the answers in flight and returns {read, list}. */
  Latencies[] stop() throws InterruptedException {
    stopped = true;
    ticker.shutdownNow();
    senders.shutdown();
    senders.awaitTermination(70, TimeUnit.SECONDS);
    synchronized (this) {
      return new Latencies[] {
        Latencies.of(reads, readFailures.get()), Latencies.of(lists, listFailures.get())
      };
    }
  }

  @Override
  public void close() {
    stopped = true;
    ticker.shutdownNow();
    senders.shutdownNow();
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  static String describe(Latencies[] pair) {
    return "read " + pair[0] + "; list " + pair[1];
  }

  static Map<String, Object> asMap(Latencies[] pair) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("read", pair[0].asMap());
    map.put("list", pair[1].asMap());
    map.put("requestsPerSecond", PER_SECOND);
    return map;
  }
}

package io.contractflow.workflow.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a number of lifecycles from a fixed number of client threads, each taking the next lifecycle
 * as soon as its previous one is done (a closed system: at most {@code clients} lifecycles in
 * flight), and times each one.
 */
final class LifecycleDriver {

  /**
   * One whole lifecycle, from creation until the contract is active; throws if it does not get
   * there.
   */
  @FunctionalInterface
  interface Lifecycle {
    void run(int index) throws Exception;
  }

  private LifecycleDriver() {}

  static Throughput run(String label, Lifecycle lifecycle, int count, int clients, int firstIndex) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    Queue<Long> latencies = new ConcurrentLinkedQueue<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            clients,
            runnable -> {
              Thread thread = new Thread(runnable, label + "-client");
              thread.setDaemon(true);
              return thread;
            });
    long start = System.nanoTime();
    try (Progress progress =
        Progress.printing(
            () -> {
              double seconds = (System.nanoTime() - start) / 1e9;
              return String.format(
                  "[%s] %d/%d lifecycles active after %.0f s (%.2f/s), %d failed",
                  label,
                  latencies.size(),
                  count,
                  seconds,
                  latencies.size() / seconds,
                  failed.get());
            })) {
      List<Future<?>> clientsDone = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        clientsDone.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long began = System.nanoTime();
                    try {
                      lifecycle.run(firstIndex + i);
                      latencies.add(System.nanoTime() - began);
                    } catch (Exception | AssertionError e) {
                      failed.incrementAndGet();
                      if (firstFailure.compareAndSet(null, e.toString())) {
                        System.out.println(
                            "  [" + label + "] lifecycle " + (firstIndex + i) + " failed: " + e);
                      }
                    }
                  }
                }));
      }
      for (Future<?> client : clientsDone) {
        client.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return Throughput.of(
        label, count, failed.get(), System.nanoTime() - start, latencies, firstFailure.get());
  }
}

package io.contractflow.workflow.benchmark;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prints a status line every few seconds while a long step runs, so a long benchmark never looks
 * stuck.
 */
final class Progress implements AutoCloseable {

  static final Duration EVERY = Duration.ofSeconds(5);

  private final ScheduledExecutorService ticker;

  private Progress(ScheduledExecutorService ticker) {
    this.ticker = ticker;
  }

  /** Starts printing {@code line} every {@link #EVERY} until closed. */
  static Progress printing(Supplier<String> line) {
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "benchmark-progress");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(
        () -> {
          try {
            System.out.println("  " + line.get());
          } catch (RuntimeException e) {
            System.out.println("  (progress unavailable: " + e.getMessage() + ")");
          }
        },
        EVERY.toMillis(),
        EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    return new Progress(ticker);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}

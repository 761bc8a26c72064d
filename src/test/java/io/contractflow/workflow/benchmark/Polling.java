package io.contractflow.workflow.benchmark;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a lifecycle to reach a state by asking again and again: after 10 ms, then pauses
 * growing by half up to 50 ms, so a lifecycle is seen done at most about 50 ms late. The full
 * platform (over HTTP) and the bare engine (through its API) are polled alike, so neither gets an
 * edge from it; the platform's share of the polling load is part of what it serves.
 */
final class Polling {

  private static final long FIRST_PAUSE_MILLIS = 10;
  private static final long LONGEST_PAUSE_MILLIS = 50;

  private Polling() {}

  /** The first value of {@code probe} that {@code done} accepts; fails after {@code timeout}. */
  static <T> T until(Duration timeout, String what, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_PAUSE_MILLIS;
    while (true) {
      T value = probe.get();
      if (done.test(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Gave up after "
                + timeout.toSeconds()
                + " s waiting for "
                + what
                + "; last seen: "
                + value);
      }
      sleep(pause);
      pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 3 / 2);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}

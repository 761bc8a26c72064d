package io.contractflow.workflow.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a lifecycle's time goes: the wall time of each phase (a request, or a wait for the
 * platform's asynchronous work), summed over every lifecycle of a run, printed as the mean per
 * lifecycle and its share. Phases are numbered in the order a lifecycle meets them.
 */
final class PhaseTimes {

  private final Map<String, LongAdder> nanos = new ConcurrentSkipListMap<>();
  private final LongAdder lifecycles = new LongAdder();

  /** Runs one phase and adds its wall time. */
  <T> T time(String phase, java.util.function.Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      nanos.computeIfAbsent(phase, p -> new LongAdder()).add(System.nanoTime() - start);
    }
  }

  void lifecycleDone() {
    lifecycles.increment();
  }

  void reset() {
    nanos.clear();
    lifecycles.reset();
  }

  /** One line per phase: mean milliseconds per lifecycle and share of the whole. */
  String report() {
    long count = Math.max(1, lifecycles.sum());
    double total = nanos.values().stream().mapToLong(LongAdder::sum).sum();
    StringBuilder out = new StringBuilder();
    out.append(String.format("  where a lifecycle's time goes (mean of %d):%n", lifecycles.sum()));
    nanos.forEach(
        (phase, sum) ->
            out.append(
                String.format(
                    "    %-44s %8.0f ms  %5.1f %%%n",
                    phase, sum.sum() / 1e6 / count, total == 0 ? 0 : 100.0 * sum.sum() / total)));
    return out.toString();
  }
}

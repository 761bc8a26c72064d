package io.contractflow.platform.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the worker's lane of a topic when an entry of that topic written on this node has
 * committed, so it need not wait for the next poll.
 */
@Component
class OutboxSignal {

  private final Map<String, Semaphore> lanes = new ConcurrentHashMap<>();

  /** Wakes the lane of this topic. */
  void wake(String topic) {
    wake(lane(topic));
  }

  /** Wakes every lane (shutting down). */
  void wakeAll() {
    lanes.values().forEach(OutboxSignal::wake);
  }

  /** Waits until this topic's lane is woken or {@code timeout} has passed. */
  void await(String topic, Duration timeout) throws InterruptedException {
    Semaphore permits = lane(topic);
    if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      permits.drainPermits();
    }
  }

  private Semaphore lane(String topic) {
    return lanes.computeIfAbsent(topic, t -> new Semaphore(0));
  }

  private static void wake(Semaphore permits) {
    if (permits.availablePermits() == 0) {
      permits.release();
    }
  }
}

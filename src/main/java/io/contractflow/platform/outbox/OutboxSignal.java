package io.contractflow.platform.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the worker when an entry written on this node has committed, so it need not wait for the
 * next poll.
 */
@Component
class OutboxSignal {

  private final Semaphore permits = new Semaphore(0);

  void wake() {
    if (permits.availablePermits() == 0) {
      permits.release();
    }
  }

  /** Waits until woken or {@code timeout} has passed. */
  void await(Duration timeout) throws InterruptedException {
    if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      permits.drainPermits();
    }
  }
}

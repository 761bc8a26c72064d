package io.contractflow.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads pages of contracts into an index with a few bulk requests in flight, so that the cluster
 * indexes one page while the next is read and sent (one request at a time leaves all but one core
 * of the node idle, and the node idle while a page is read). {@link #add} blocks while {@code
 * inFlight} pages are being written; the first failure is thrown by the next {@link #add} or by
 * {@link #finish}, and no page is sent after it.
 */
final class BulkLoader implements AutoCloseable {

  private static final AtomicInteger LOADERS = new AtomicInteger();

  private final ContractIndexWriter writer;
  private final String target;
  private final Semaphore slots;
  private final int inFlight;
  private final ExecutorService senders;
  private final AtomicLong written = new AtomicLong();
  private final AtomicReference<IOException> failure = new AtomicReference<>();

  BulkLoader(ContractIndexWriter writer, String target, int inFlight) {
    if (inFlight < 1) {
      throw new IllegalArgumentException("inFlight must be at least 1, was " + inFlight);
    }
    this.writer = writer;
    this.target = target;
    this.inFlight = inFlight;
    this.slots = new Semaphore(inFlight);
    int loader = LOADERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.senders =
        Executors.newFixedThreadPool(
            inFlight,
            task -> {
              Thread thread =
                  new Thread(task, "search-bulk-" + loader + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Sends {@code page} once a slot is free; throws the failure of an earlier page, if any. */
  void add(List<IndexedContract> page) throws IOException {
    rethrow();
    if (page.isEmpty()) {
      return;
    }
    acquire(1);
    rethrow(() -> slots.release());
    List<IndexedContract> copy = List.copyOf(page);
    senders.execute(
        () -> {
          try {
            Map<String, String> failed = writer.write(target, copy, List.of());
            if (!failed.isEmpty()) {
              failure.compareAndSet(
                  null,
                  new IOException(
                      "OpenSearch refused " + failed.size() + " contract(s): " + failed));
            } else {
              written.addAndGet(copy.size());
            }
          } catch (IOException e) {
            failure.compareAndSet(null, e);
          } catch (RuntimeException e) {
            failure.compareAndSet(null, new IOException(e));
          } finally {
            slots.release();
          }
        });
  }

  /** Contracts the index has taken so far. */
  long written() {
    return written.get();
  }

  /** Waits until every page sent is written; throws the first failure. */
  long finish() throws IOException {
    acquire(inFlight);
    slots.release(inFlight);
    rethrow();
    return written.get();
  }

  @Override
  public void close() {
    senders.shutdownNow();
  }

  private void acquire(int permits) throws IOException {
    try {
      slots.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while loading " + target, e);
    }
  }

  private void rethrow() throws IOException {
    rethrow(() -> {});
  }

  private void rethrow(Runnable before) throws IOException {
    IOException failed = failure.get();
    if (failed != null) {
      before.run();
      throw failed;
    }
  }
}

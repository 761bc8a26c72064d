package io.contractflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BulkLoaderTest {

  /** Records what it was given; the index's answer is decided by the test. */
  private static class RecordingWriter extends ContractIndexWriter {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final List<Integer> pageSizes = Collections.synchronizedList(new ArrayList<>());
    volatile CountDownLatch hold = new CountDownLatch(0);
    volatile String refuseFirstId;
    volatile boolean unreachable;

    RecordingWriter() {
      super(null);
    }

    @Override
    Map<String, String> write(
        String target, Collection<IndexedContract> contracts, Collection<UUID> deleted)
        throws IOException {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        hold.await(5, TimeUnit.SECONDS);
        pageSizes.add(contracts.size());
        if (unreachable) {
          throw new IOException("Connection refused");
        }
        String first = contracts.iterator().next().id();
        return first.equals(refuseFirstId) ? Map.of(first, "mapper_parsing_exception") : Map.of();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      } finally {
        running.decrementAndGet();
      }
    }
  }

  private static List<IndexedContract> page(int size) {
    List<IndexedContract> page = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      page.add(
          new IndexedContract(
              UUID.randomUUID().toString(),
              "CF-2026-0001",
              "NDA with Acme",
              null,
              "NDA",
              "DRAFT",
              null,
              null,
              "rita",
              List.of(),
              List.of(),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              List.of("user:rita")));
    }
    return page;
  }

  @Test
  void keepsAsManyPagesInFlightAsAllowedAndCountsWhatWasWritten() throws Exception {
    RecordingWriter writer = new RecordingWriter();
    writer.hold = new CountDownLatch(1);
    try (BulkLoader loader = new BulkLoader(writer, "contracts-1", 2)) {
      loader.add(page(3));
      loader.add(page(4));
      Thread third =
          new Thread(
              () -> {
                try {
                  loader.add(page(5));
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      third.start();
      third.join(300);
      assertThat(third.isAlive()).as("the third page waits for a free slot").isTrue();
      assertThat(writer.running.get()).isEqualTo(2);
      writer.hold.countDown();
      third.join(5_000);
      assertThat(loader.finish()).isEqualTo(12);
    }
    assertThat(writer.mostAtOnce.get()).isEqualTo(2);
    assertThat(writer.pageSizes).containsExactlyInAnyOrder(3, 4, 5);
  }

  @Test
  void aRefusedPageFailsTheLoadAndNoLaterPageIsSent() throws Exception {
    RecordingWriter writer = new RecordingWriter();
    List<IndexedContract> refused = page(2);
    writer.refuseFirstId = refused.get(0).id();
    try (BulkLoader loader = new BulkLoader(writer, "contracts-1", 1)) {
      loader.add(refused);
      assertThatThrownBy(() -> loader.add(page(2)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("refused 1 contract(s)")
          .hasMessageContaining("mapper_parsing_exception");
      assertThatThrownBy(loader::finish).isInstanceOf(IOException.class);
      assertThat(loader.written()).isZero();
    }
    assertThat(writer.pageSizes).hasSize(1);
  }

  @Test
  void anUnreachableClusterIsThrownByFinish() throws Exception {
    RecordingWriter writer = new RecordingWriter();
    writer.unreachable = true;
    try (BulkLoader loader = new BulkLoader(writer, "contracts-1", 2)) {
      loader.add(page(1));
      assertThatThrownBy(loader::finish)
          .isInstanceOf(IOException.class)
          .hasMessage("Connection refused");
    }
  }
}

package io.contractflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox on the real database, with workers of a topic of each test's own (the platform's
 * worker works only the platform's topics, so it never touches them): an entry exists only once its
 * transaction commits, a failed attempt waits a doubling time and the entry is given up after the
 * last, and two workers (two nodes) never take the same entry.
 */
class OutboxIT extends IntegrationTest {

  @Autowired Outbox outbox;
  @Autowired OutboxStore store;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anEntryExistsOnlyOnceItsTransactionHasCommitted() throws Exception {
    String topic = topic();
    Recording handler = new Recording(topic, 1);
    OutboxWorker worker = worker(handler);

    transactions.executeWithoutResult(
        status -> {
          outbox.add(topic, "rolled back");
          assertThat(entries(topic)).as("written in the transaction").isEqualTo(1);
          status.setRollbackOnly();
        });
    assertThat(entries(topic)).isZero();
    assertThat(worker.workDue()).isZero();

    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Void> business =
        CompletableFuture.runAsync(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      outbox.add(topic, "committed");
                      written.countDown();
                      waitFor(commit);
                    }));
    assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(worker.workDue()).as("not before the commit").isZero();
    commit.countDown();
    business.get(10, TimeUnit.SECONDS);
    assertThat(worker.workDue()).isEqualTo(1);
    assertThat(handler.handled).containsExactly("committed");
    assertThat(entries(topic)).as("done, and deleted").isZero();
  }

  @Test
  void aFailedEntryIsTriedAgainAfterADoublingWaitAndGivenUpAfterTheLastAttempt() {
    String topic = topic();
    String sideEffect = topic + "-side-effect";
    AtomicInteger calls = new AtomicInteger();
    OutboxHandler failing =
        new TestHandler(
            topic, 1, new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(30), 3)) {
          @Override
          public Map<Long, String> handle(List<OutboxEntry> entries) {
            calls.incrementAndGet();
            outbox.add(sideEffect, "written by an attempt that failed");
            throw new IllegalStateException("the dependency is down");
          }
        };
    OutboxWorker worker = worker(failing);
    transactions.executeWithoutResult(status -> outbox.add(topic, "work"));

    assertThat(worker.workDue()).as("nothing done").isZero();
    assertAttempt(topic, 1, 10);
    assertThat(worker.workDue()).as("not due before its wait is over").isZero();
    assertThat(calls).hasValue(1);

    makeDue(topic);
    worker.workDue();
    assertAttempt(topic, 2, 20);

    makeDue(topic);
    worker.workDue();
    Map<String, Object> row =
        jdbc.queryForMap(
            "select attempts, failed_at, last_error from contractflow.outbox" + " where topic = ?",
            topic);
    assertThat(row.get("attempts")).isEqualTo(3);
    assertThat(row.get("failed_at")).as("given up").isNotNull();
    assertThat((String) row.get("last_error"))
        .contains("IllegalStateException: the dependency is down");

    makeDue(topic);
    assertThat(worker.workDue()).as("a failed entry is not tried again").isZero();
    assertThat(calls).hasValue(3);
    assertThat(entries(sideEffect)).as("what the failed attempts wrote was rolled back").isZero();
    assertThat(store.backlog().get(topic)).isEqualTo(new OutboxStore.OutboxBacklog(topic, 0, 1, 0));

    // an operator's retry: the entry is due again, and done
    jdbc.update(
        "update contractflow.outbox set failed_at = null, attempts = 0, next_attempt_at = now()"
            + " where topic = ?",
        topic);
    OutboxWorker fixed = worker(new Recording(topic, 1));
    assertThat(fixed.workDue()).isEqualTo(1);
    assertThat(entries(topic)).isZero();
  }

  @Test
  void inABatchOnlyTheRefusedEntriesAreTriedAgain() {
    String topic = topic();
    Recording refusing =
        new Recording(topic, 10) {
          @Override
          public Map<Long, String> handle(List<OutboxEntry> entries) {
            super.handle(entries);
            return entries.stream()
                .filter(e -> e.payload().startsWith("bad"))
                .collect(
                    java.util.stream.Collectors.toMap(
                        OutboxEntry::id, e -> "refused " + e.payload()));
          }
        };
    transactions.executeWithoutResult(
        status -> outbox.addAll(topic, List.of("good 1", "bad", "good 2")));

    assertThat(worker(refusing).workDue()).as("done").isEqualTo(2);
    assertThat(refusing.handled).containsExactly("good 1", "bad", "good 2");
    assertThat(
            jdbc.queryForList(
                "select payload || ' ' || attempts || ' ' || last_error from contractflow.outbox"
                    + " where topic = ?",
                String.class,
                topic))
        .containsExactly("bad 1 refused bad");
  }

  @Test
  void twoWorkersNeverTakeTheSameEntry() throws Exception {
    String topic = topic();
    transactions.executeWithoutResult(
        status -> {
          for (int i = 1; i <= 4; i++) {
            outbox.add(topic, "entry " + i);
          }
        });
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Recording slow =
        new Recording(topic, 1) {
          @Override
          public Map<Long, String> handle(List<OutboxEntry> entries) {
            Map<Long, String> result = super.handle(entries);
            if (handled.size() == 1) {
              holding.countDown(); // the first entry's row stays locked while this "node" works it
              OutboxIT.waitFor(release);
            }
            return result;
          }
        };
    Recording other = new Recording(topic, 1);

    CompletableFuture<Integer> nodeA = CompletableFuture.supplyAsync(() -> worker(slow).workDue());
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    int byB = worker(other).workDue();
    release.countDown();
    int byA = nodeA.get(10, TimeUnit.SECONDS);

    assertThat(slow.handled).startsWith("entry 1");
    assertThat(other.handled)
        .as("node B skips the entry node A holds")
        .doesNotContain("entry 1")
        .isNotEmpty();
    assertThat(Set.copyOf(slow.handled)).doesNotContainAnyElementsOf(other.handled);
    assertThat(byA + byB).isEqualTo(4);
    assertThat(entries(topic)).isZero();
  }

  private OutboxWorker worker(OutboxHandler handler) {
    return new OutboxWorker(
        store,
        List.of(handler),
        new OutboxProperties(Duration.ofMillis(100), 50),
        transactionManager,
        new OutboxSignal());
  }

  private static String topic() {
    return "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private long entries(String topic) {
    Long count =
        jdbc.queryForObject(
            "select count(*) from contractflow.outbox where topic = ?", Long.class, topic);
    return count == null ? 0 : count;
  }

  private void makeDue(String topic) {
    jdbc.update("update contractflow.outbox set next_attempt_at = now() where topic = ?", topic);
  }

  /**
   * The entry's attempts, and its next attempt {@code waitSeconds} from now (give or take a
   * second).
   */
  private void assertAttempt(String topic, int attempts, int waitSeconds) {
    Map<String, Object> row =
        jdbc.queryForMap(
            "select attempts, extract(epoch from next_attempt_at - now()) as wait,"
                + " failed_at, last_error from contractflow.outbox where topic = ?",
            topic);
    assertThat(row.get("attempts")).isEqualTo(attempts);
    assertThat(((Number) row.get("wait")).doubleValue())
        .isBetween(waitSeconds - 1.5, waitSeconds + 0.5);
    assertThat(row.get("failed_at")).isNull();
    assertThat((String) row.get("last_error")).contains("the dependency is down");
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private abstract static class TestHandler implements OutboxHandler {
    private final String topic;
    private final int batchSize;
    private final RetryPolicy policy;

    TestHandler(String topic, int batchSize, RetryPolicy policy) {
      this.topic = topic;
      this.batchSize = batchSize;
      this.policy = policy;
    }

    @Override
    public String topic() {
      return topic;
    }

    @Override
    public RetryPolicy retryPolicy() {
      return policy;
    }

    @Override
    public int batchSize() {
      return batchSize;
    }
  }

  /** Records the payloads it works, and works them all. */
  private static class Recording extends TestHandler {
    final List<String> handled = new CopyOnWriteArrayList<>();

    Recording(String topic, int batchSize) {
      super(topic, batchSize, new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 3));
    }

    @Override
    public Map<Long, String> handle(List<OutboxEntry> entries) {
      entries.forEach(entry -> handled.add(entry.payload()));
      return Map.of();
    }
  }
}

package io.contractflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two nodes starting on one database: the second waits at its data source until the first is ready,
 * then goes on; a node whose start fails lets the next one go too.
 */
class StartupLockTest {

  @Test
  void theSecondNodeWaitsUntilTheFirstIsReady() throws Exception {
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(
                Path.of("target", "test-postgres", "startup-lock-" + UUID.randomUUID()))
            .setCleanDataDirectory(true)
            .start()) {
      DataSource database = postgres.getPostgresDatabase();
      StartupLock first = new StartupLock();
      StartupLock second = new StartupLock();
      StartupLock third = new StartupLock();

      assertThat(first.postProcessAfterInitialization(database, "dataSource")).isSameAs(database);
      CompletableFuture<Void> secondStarts =
          CompletableFuture.runAsync(
              () -> second.postProcessAfterInitialization(database, "dataSource"));
      awaitWaiters(database, 1);
      assertThat(secondStarts).as("the second node waits while the first starts").isNotDone();

      first.onApplicationEvent(null); // the first is ready
      secondStarts.get(60, TimeUnit.SECONDS);
      assertThat(advisoryLocks(database, true)).isEqualTo(1);

      CompletableFuture<Void> thirdStarts =
          CompletableFuture.runAsync(
              () -> third.postProcessAfterInitialization(database, "dataSource"));
      awaitWaiters(database, 1);
      second.destroy(); // the second's start failed: its context closes
      thirdStarts.get(60, TimeUnit.SECONDS);
      third.onApplicationEvent(null);
      assertThat(advisoryLocks(database, true)).isZero();
      assertThat(advisoryLocks(database, false)).isZero();

      // a data source created later in the same context (none here, but e.g. a second pool) takes
      // nothing
      first.postProcessAfterInitialization(database, "another");
      assertThat(advisoryLocks(database, true)).isZero();
    }
  }

  private static void awaitWaiters(DataSource database, int waiting) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (advisoryLocks(database, false) != waiting) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no node waits for the start-up lock");
      }
      Thread.sleep(20);
    }
  }

  private static int advisoryLocks(DataSource database, boolean granted) throws Exception {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select count(*) from pg_locks where locktype = 'advisory' and granted = "
                    + granted)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}

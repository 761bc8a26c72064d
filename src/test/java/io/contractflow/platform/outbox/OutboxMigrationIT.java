package io.contractflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.support.FreshDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The upgrade to the one outbox (V14) loses no pending work: a database at V13 with entries in the
 * three old queues (search changes, notification events, mail) has them all in {@code
 * contractflow.outbox} afterwards, with their attempts, waits and failures; what was done and needs
 * no remembering is gone; the mail itself stays, as mail.
 */
class OutboxMigrationIT {

  @Test
  void pendingWorkOfTheOldQueuesIsInTheOutboxAfterTheUpgrade() throws Exception {
    Path workDir =
        Path.of("target", "outbox-migration", UUID.randomUUID().toString()).toAbsolutePath();
    try (FreshDatabase database = FreshDatabase.create("outbox_migration", workDir)) {
      flyway(database, "13").migrate();
      UUID contract = UUID.randomUUID();
      UUID event = UUID.randomUUID();
      UUID pendingMail = UUID.randomUUID();
      UUID failedMail = UUID.randomUUID();
      try (Connection c = database.connect();
          Statement s = c.createStatement()) {
        s.execute(
            "insert into contractflow.search_outbox (contract_id, reason, attempts, last_error)"
                + " values ('"
                + contract
                + "', 'created', 2, 'OpenSearch down')");
        s.execute(
            "insert into contractflow.notification_event (id, kind, payload, created_at, next_attempt_at)"
                + " values ('"
                + event
                + "', 'task-waiting', '{\"taskId\":\"t-1\"}', now(), now())");
        s.execute(
            "insert into contractflow.notification_event (id, kind, payload, created_at, next_attempt_at,"
                + " failed_at, attempts, last_error) values (gen_random_uuid(), 'contract-changed', '{}', now(), now(),"
                + " now(), 12, 'gave up')");
        s.execute(
            "insert into contractflow.notification_event (id, kind, payload, created_at, next_attempt_at,"
                + " done_at) values (gen_random_uuid(), 'task-waiting', '{}', now(), now(), now())");
        s.execute(
            "insert into contractflow.notification_event (id, kind, payload, created_at, next_attempt_at,"
                + " done_at, dedupe_key) values (gen_random_uuid(), 'renewal-reminder', '{}', now(), now(), now(),"
                + " 'renewal-reminder:x')");
        mail(s, pendingMail, "pending", "attempts = 3, last_error = 'refused'");
        mail(s, failedMail, "failed", "attempts = 12, failed_at = now()");
        mail(s, UUID.randomUUID(), "held", "held_for_digest = true");
        mail(s, UUID.randomUUID(), "sent", "sent_at = now(), attempts = 1");
      }

      flyway(database, "14").migrate();

      try (Connection c = database.connect();
          Statement s = c.createStatement()) {
        assertThat(
                rows(
                    s,
                    "select topic || ' ' || payload || ' ' || attempts || ' ' || coalesce(last_error, '-')"
                        + " || ' ' || (failed_at is not null) || ' ' || (done_at is not null) || ' ' || coalesce(dedupe_key, '-')"
                        + " from contractflow.outbox where topic <> 'notification' order by topic, attempts"))
            .containsExactly(
                "mail " + pendingMail + " 3 refused false false -",
                "mail " + failedMail + " 12 - true false -",
                "search " + contract + " 2 OpenSearch down false false -");
        assertThat(
                rows(
                    s,
                    "select (payload::json->>'kind') || ' ' || coalesce(payload::json->'event'->>'taskId', '-')"
                        + " || ' ' || attempts || ' ' || (failed_at is not null) || ' ' || (done_at is not null) || ' '"
                        + " || coalesce(dedupe_key, '-') from contractflow.outbox where topic = 'notification' order by 1"))
            .containsExactly(
                "contract-changed - 12 true false -",
                "renewal-reminder - 0 false true renewal-reminder:x",
                "task-waiting t-1 0 false false -");
        assertThat(
                rows(
                    s,
                    "select payload::json->>'id' from contractflow.outbox where topic = 'notification'"
                        + " and payload::json->>'kind' = 'task-waiting'"))
            .as("the event keeps its id")
            .containsExactly(event.toString());
        assertThat(rows(s, "select subject from contractflow.mail order by subject"))
            .containsExactly("failed", "held", "pending", "sent");
        assertThat(
                rows(
                    s,
                    "select table_name from information_schema.tables where table_schema = 'contractflow'"
                        + " and table_name in ('search_outbox', 'notification_event', 'mail_outbox')"))
            .isEmpty();
      }
    }
  }

  private static Flyway flyway(FreshDatabase database, String target) {
    return Flyway.configure()
        .dataSource(database.jdbcUrl(), database.username(), database.password())
        .schemas("contractflow")
        .locations("classpath:db/migration")
        .target(target)
        .load();
  }

  private static void mail(Statement s, UUID id, String subject, String set) throws Exception {
    s.execute(
        "insert into contractflow.mail_outbox (id, dedupe_key, event, recipient_email, subject, text_body,"
            + " html_body, created_at, next_attempt_at) values ('"
            + id
            + "', '"
            + id
            + "', 'task-waiting',"
            + " 'a@example.com', '"
            + subject
            + "', 't', 'h', now(), now())");
    s.execute("update contractflow.mail_outbox set " + set + " where id = '" + id + "'");
  }

  private static List<String> rows(Statement s, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}

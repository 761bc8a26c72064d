package io.contractflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.platform.outbox.OutboxWorker;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.MailServer;
import io.contractflow.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each user's notification preferences (their own only, validated), mail held for a daily digest
 * and sent as one digest a day however many nodes try, retention of sent mail and handled events,
 * and the sealed outbox body of mail that carries a credential. Users are made for each test, so
 * other tests' mail is never held or turned off.
 */
class NotificationSettingsIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private IdentityService identity;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private DailyDigest digests;
  @Autowired private MailRetention retention;
  @Autowired private OutboxWorker worker;
  @Autowired private Mails outbox;
  @Autowired private TransactionTemplate transactions;

  private final MailServer mail = MailServer.shared();

  @Test
  void preferencesAreTheCallersOwnAndBadInputIsRefused() {
    String user = requester("prefs");
    JsonNode defaults = api.as(user).get("/api/notifications/preferences").json();
    assertThat(defaults.get("events").size()).isEqualTo(NotificationPreferences.KINDS.size());
    defaults
        .get("events")
        .forEach(
            kind -> {
              assertThat(kind.get("enabled").asBoolean()).isTrue();
              assertThat(kind.get("delivery").asText()).isEqualTo("immediate");
            });

    Api.Response saved =
        api.as(user)
            .put(
                "/api/notifications/preferences",
                events(
                    "task-waiting", false, "immediate", "renewal-reminder", true, "daily-digest"));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    JsonNode mine = api.as(user).get("/api/notifications/preferences").json().get("events");
    assertThat(mine.get("task-waiting").get("enabled").asBoolean()).isFalse();
    assertThat(mine.get("renewal-reminder").get("delivery").asText()).isEqualTo("daily-digest");
    assertThat(mine.get("contract-update").get("enabled").asBoolean()).isTrue();
    // another user's are their own
    assertThat(
            api.as("ravi")
                .get("/api/notifications/preferences")
                .json()
                .get("events")
                .get("task-waiting")
                .get("enabled")
                .asBoolean())
        .isTrue();

    ObjectNode unknownKind = events("no-such-kind", true, "immediate");
    ObjectNode badValues = JSON.createObjectNode();
    badValues
        .putObject("events")
        .putObject("task-waiting")
        .put("enabled", "yes")
        .put("delivery", "weekly");
    ObjectNode otherUser = events("task-waiting", true, "immediate");
    otherUser.put("user", "ravi");
    ObjectNode extraField = events("task-waiting", true, "immediate");
    ((ObjectNode) extraField.get("events").get("task-waiting")).put("hours", 3);
    assertProblem(
        api.as(user).put("/api/notifications/preferences", unknownKind), "events.no-such-kind");
    assertProblem(
        api.as(user).put("/api/notifications/preferences", badValues),
        "events.task-waiting.enabled",
        "events.task-waiting.delivery");
    assertProblem(api.as(user).put("/api/notifications/preferences", otherUser), "user");
    assertProblem(
        api.as(user).put("/api/notifications/preferences", extraField),
        "events.task-waiting.hours");
    assertProblem(
        api.as(user).put("/api/notifications/preferences", JSON.createObjectNode()), "events");
    assertProblem(api.as(user).put("/api/notifications/preferences", JSON.createArrayNode()), "");
    Api.Response notJson =
        api.as(user)
            .send("PUT", "/api/notifications/preferences", "{\"events\":", "application/json");
    assertThat(notJson.status()).as(notJson.toString()).isEqualTo(400);
    assertThat(api.anonymous().get("/api/notifications/preferences").status()).isEqualTo(401);
    // nothing changed by the refused requests
    assertThat(api.as(user).get("/api/notifications/preferences").json().get("events"))
        .isEqualTo(mine);
  }

  @Test
  void aKindTurnedOffIsNotMailedAndDigestMailIsHeldForOneDigestADay() throws Exception {
    // one user turns the task mail off, another takes it in the daily digest
    String off = requester("off");
    String digest = requester("digest");
    assertThat(
            api.as(off)
                .put("/api/notifications/preferences", events("task-waiting", false, "immediate"))
                .status())
        .isEqualTo(200);
    assertThat(
            api.as(digest)
                .put("/api/notifications/preferences", events("task-waiting", true, "daily-digest"))
                .status())
        .isEqualTo(200);

    String offContract = draft(off);
    List<String> references = new ArrayList<>();
    references.add(reference(digest, draft(digest)));
    references.add(reference(digest, draft(digest)));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                jdbc.queryForObject(
                        """
        select count(*) from contractflow.mail where recipient_user = ? and event = 'task-waiting'
        and held_for_digest and sent_at is null""",
                        Long.class,
                        digest)
                    == 2);
    awaitEventsHandled();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.mail where contract_id = ?",
                Long.class,
                UUID.fromString(offContract)))
        .as("turned off: no mail at all")
        .isZero();
    worker.workDue();
    assertThat(mail.receivedBy(email(digest))).as("held, not sent on its own").isEmpty();
    // the user's inbox in the platform lists the held mail
    assertThat(api.as(digest).get("/api/notifications/mail").json().findValuesAsText("subject"))
        .hasSize(2);

    // the digest time of tomorrow: two nodes at once, and again, make one digest
    LocalDate tomorrow = today().plusDays(1);
    Instant digestTime = tomorrow.atTime(8, 1).toInstant(ZoneOffset.UTC);
    CompletableFuture<Integer> one =
        CompletableFuture.supplyAsync(() -> digests.sendDue(digestTime));
    CompletableFuture<Integer> two =
        CompletableFuture.supplyAsync(() -> digests.sendDue(digestTime));
    one.get();
    two.get();
    digests.sendDue(digestTime);
    MimeMessage sent =
        await()
            .atMost(PATIENCE)
            .until(
                () -> mail.receivedBy(email(digest)).stream().findFirst().orElse(null),
                m -> m != null);
    assertThat(sent.getSubject())
        .isEqualTo("ContractFlow: Your daily digest of " + tomorrow + " (2 notifications)");
    String text = MailServer.part(sent, "text/plain");
    assertThat(text)
        .contains("1. Submit draft for review: " + references.get(0))
        .contains("2. Submit draft for review: " + references.get(1));
    assertThat(
            jdbc.queryForObject(
                """
        select count(*) from contractflow.mail where recipient_user = ? and held_for_digest
        and sent_at is not null and digest_id = (select id from contractflow.mail where dedupe_key = ?)""",
                Long.class,
                digest,
                "daily-digest:" + digest + ":" + tomorrow))
        .isEqualTo(2);

    // mail held after that day's digest waits for the next day's
    String third = reference(digest, draft(digest));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                jdbc.queryForObject(
                        """
        select count(*) from contractflow.mail where recipient_user = ? and held_for_digest
        and sent_at is null""",
                        Long.class,
                        digest)
                    == 1);
    digests.sendDue(digestTime);
    worker.workDue();
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> mail.receivedBy(email(digest)).size() == 1);
    digests.sendDue(digestTime.plus(Duration.ofDays(1)));
    MimeMessage next =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    mail.receivedBy(email(digest)).size() == 2
                        ? mail.receivedBy(email(digest)).get(1)
                        : null,
                m -> m != null);
    assertThat(next.getSubject()).contains(tomorrow.plusDays(1) + " (1 notification)");
    assertThat(MailServer.part(next, "text/plain")).contains(third);
  }

  @Test
  void sentMailAndHandledEventsArePurgedAfterTheRetentionPeriodInBatches() {
    String run = UUID.randomUUID().toString();
    Instant now = clock.instant();
    Instant old = now.minus(Duration.ofDays(91));
    Instant recent = now.minus(Duration.ofDays(10));
    for (int i = 0; i < 5; i++) {
      mailRow(run + ":old-sent-" + i, old, old, null);
    }
    mailRow(run + ":recent-sent", recent, recent, null);
    mailRow(run + ":old-pending", old, null, null);
    mailRow(run + ":old-failed", old, null, old);
    eventRow(run + ":old-done", 91);
    eventRow(run + ":old-done-2", 91);
    eventRow(run + ":old-done-3", 91);
    eventRow(run + ":recent-done", 10);
    eventRow(run + ":old-pending", null);

    retention.purge(now, 2);

    assertThat(
            jdbc.queryForList(
                "select dedupe_key from contractflow.mail where dedupe_key like ?",
                String.class,
                run + ":%"))
        .containsExactlyInAnyOrder(run + ":recent-sent", run + ":old-pending", run + ":old-failed");
    assertThat(
            jdbc.queryForList(
                "select dedupe_key from contractflow.outbox where dedupe_key like ?",
                String.class,
                run + ":%"))
        .containsExactlyInAnyOrder(run + ":recent-done", run + ":old-pending");
  }

  @Test
  void aSealedMailIsEncryptedInTheOutboxAndItsBodyIsDroppedOnceSent() throws Exception {
    String secret = "https://contracts.example.com/sign/" + UUID.randomUUID();
    String to = "sealed-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    String key = "sealed-test:" + UUID.randomUUID();
    transactions.executeWithoutResult(
        status -> {
          outbox.enqueue(
              new OutgoingMail(
                  key,
                  MailedSignerInvitations.EVENT,
                  null,
                  null,
                  to,
                  "ContractFlow: Please sign",
                  "Your link: " + secret,
                  "<p>Your link: " + secret + "</p>"),
              Mails.Handling.SEALED);
          // at rest, even before it is sent: the body is encrypted, nothing readable carries the
          // link
          jdbc.query(
              "select text_body, html_body, body_sealed from contractflow.mail where dedupe_key = ?",
              rs -> {
                assertThat(rs.getString(1)).isEqualTo(Mails.SEALED_PLACEHOLDER);
                assertThat(rs.getString(2)).isEqualTo(Mails.SEALED_PLACEHOLDER);
                assertThat(new String(rs.getBytes(3), StandardCharsets.ISO_8859_1))
                    .doesNotContain(secret)
                    .doesNotContain(secret.substring(secret.lastIndexOf('/') + 1));
              },
              key);
        });
    MimeMessage received =
        await()
            .atMost(PATIENCE)
            .until(() -> mail.receivedBy(to).stream().findFirst().orElse(null), m -> m != null);
    assertThat(MailServer.part(received, "text/plain")).contains(secret);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                jdbc.queryForObject(
                        """
        select count(*) from contractflow.mail where dedupe_key = ? and sent_at is not null
        and body_sealed is null and text_body = ?""",
                        Long.class,
                        key,
                        Mails.SEALED_PLACEHOLDER)
                    == 1);
  }

  /**
   * A mail, sent or not; one given up is one whose outbox entry failed (due tomorrow otherwise:
   * never sent here).
   */
  private void mailRow(String key, Instant created, Instant sent, Instant failed) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        """
        insert into contractflow.mail (id, dedupe_key, event, recipient_email, subject, text_body, html_body,
            created_at, sent_at)
        values (?, ?, 'task-waiting', 'nobody@example.com', 's', 't', 'h', ?, ?)""",
        id,
        key,
        Timestamp.from(created),
        sent == null ? null : Timestamp.from(sent));
    if (sent == null) {
      jdbc.update(
          """
          insert into contractflow.outbox (topic, payload, next_attempt_at, failed_at)
          values ('mail', ?, now() + interval '1 day', ?)""",
          id.toString(),
          failed == null ? null : Timestamp.from(failed));
    }
  }

  /**
   * An event kept for its key, done {@code doneDaysAgo} days ago by the outbox's clock, or pending
   * (null).
   */
  private void eventRow(String key, Integer doneDaysAgo) {
    jdbc.update(
        """
        insert into contractflow.outbox (topic, payload, dedupe_key, next_attempt_at, done_at)
        values ('notification', '{"id":"00000000-0000-0000-0000-000000000000","kind":"no-such-kind","event":{}}', ?,
            now() + interval '1 day', now() - make_interval(days => cast(? as integer)))""",
        key,
        doneDaysAgo);
  }

  private void awaitEventsHandled() {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from contractflow.outbox"
                            + " where topic = 'notification' and done_at is null and failed_at is null and next_attempt_at <= now()",
                        Long.class)
                    == 0);
  }

  private static ObjectNode events(Object... kindEnabledDelivery) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode events = body.putObject("events");
    for (int i = 0; i < kindEnabledDelivery.length; i += 3) {
      events
          .putObject((String) kindEnabledDelivery[i])
          .put("enabled", (Boolean) kindEnabledDelivery[i + 1])
          .put("delivery", (String) kindEnabledDelivery[i + 2]);
    }
    return body;
  }

  private static void assertProblem(Api.Response response, String... fields) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.json().get("type").asText())
        .isEqualTo("urn:contractflow:problem:validation");
    assertThat(response.json().findValuesAsText("field")).contains(fields);
  }

  /** A requester of this test's own, with an address, signing in with their id as password. */
  private String requester(String prefix) {
    return TestUsers.requester(identity, prefix);
  }

  private static String email(String user) {
    return user + "@example.com";
  }

  private String draft(String owner) {
    String id = createContract(owner, contractBody(createCounterparty(owner))).get("id").asText();
    Api.Response uploaded =
        api.as(owner)
            .upload(
                "/api/contracts/" + id + "/documents",
                "contract.pdf",
                Corpus.PDF,
                Corpus.sample("nda.pdf"));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    return id;
  }

  private String reference(String owner, String id) {
    JsonNode contract = api.as(owner).get("/api/contracts/" + id).json();
    return contract.get("reference").asText() + " " + contract.get("title").asText();
  }
}

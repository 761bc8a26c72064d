package io.contractflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.MailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications by mail against a real SMTP server (GreenMail): the reviewer hears of the task
 * waiting for them, with a link to it in Tasklist, and the owner of the approval and of the
 * contract going out for signature; an overdue review reminds the group, its escalation reaches the
 * admins; each mail is HTML with a plain-text alternative and escapes what users typed. With the
 * SMTP server down nothing is lost, and everything is sent once, exactly once, when it returns; a
 * transaction that rolls back sends nothing; an event whose mail cannot be worked out yet is tried
 * again and never fails the event itself.
 */
class NotificationMailIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private ApplicationEventPublisher events;
  @Autowired private TransactionTemplate transactions;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private ManagementService management;
  @Autowired private RuntimeService runtime;

  private final MailServer mail = MailServer.shared();

  @Test
  void aReviewMailsTheReviewerTheTaskAndTheOwnerTheOutcome() throws Exception {
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.put("title", "Hosting <b>& support</b> " + UUID.randomUUID().toString().substring(0, 8));
    body.putObject("value").put("amount", 5000).put("currency", "EUR");
    String contract = ContractsInReview.submit(api, "rita", body);
    String reference =
        api.as("rita").get("/api/contracts/" + contract).json().get("reference").asText();
    String task = ContractsInReview.awaitTask(api, "leo", contract);

    MimeMessage toLeo = awaitMail("leo@contractflow.example", reference);
    assertThat(toLeo.getSubject())
        .startsWith("ContractFlow: ")
        .contains(reference)
        .contains("<b>& support</b>");
    assertThat(toLeo.getMessageID()).endsWith("@contractflow>");
    String text = MailServer.part(toLeo, "text/plain");
    String html = MailServer.part(toLeo, "text/html");
    assertThat(text)
        .contains("Hello Leo")
        .contains(reference)
        .contains("https://contracts.example.com/camunda/app/tasklist/default/#/?task=" + task)
        .contains("https://contracts.example.com/api/contracts/" + contract);
    assertThat(html)
        .contains(
            "href=\"https://contracts.example.com/camunda/app/tasklist/default/#/?task=" + task)
        .contains("Hosting &lt;b&gt;&amp; support&lt;/b&gt;")
        .doesNotContain("<b>& support</b>");
    assertThat(mail.receivedBy("fiona@contractflow.example"))
        .noneMatch(m -> subject(m).contains(reference));

    assertThat(
            api.as("leo")
                .post(
                    "/api/tasks/" + task + "/complete",
                    JSON.createObjectNode().put("decision", "APPROVE").put("comment", "fine"))
                .status())
        .isEqualTo(204);
    MimeMessage approved =
        awaitMail("rita@contractflow.example", "Your contract was approved: " + reference);
    assertThat(MailServer.part(approved, "text/plain"))
        .contains("Note: approved in review")
        .contains(reference);
    awaitMail("rita@contractflow.example", "Your contract was sent for signature: " + reference);

    // the owner's inbox in the platform shows the same mail
    assertThat(api.as("rita").get("/api/notifications/mail").json().findValuesAsText("subject"))
        .anyMatch(s -> s.contains("Your contract was approved: " + reference));
    assertThat(api.as("leo").get("/api/notifications/mail").json().findValuesAsText("subject"))
        .noneMatch(s -> s.contains("Your contract was approved: " + reference));
  }

  @Test
  void anOverdueReviewRemindsTheGroupAndItsEscalationTheAdmins() {
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.putObject("value").put("amount", 5000).put("currency", "EUR");
    String contract = ContractsInReview.submit(api, "rita", body);
    String reference =
        api.as("rita").get("/api/contracts/" + contract).json().get("reference").asText();
    String task = ContractsInReview.awaitTask(api, "leo", contract);

    fireTimer(contract, "Event_ReviewOverdue");
    MimeMessage reminder = awaitMail("leo@contractflow.example", "Overdue review of " + reference);
    assertThat(subject(reminder)).doesNotContain("Escalated");

    fireTimer(contract, "Event_ReviewEscalated");
    MimeMessage escalation =
        awaitMail("admin@contractflow.example", "Escalated: overdue review of " + reference);
    assertThat(subject(escalation)).contains(reference);
    assertThat(mail.receivedBy("admin@contractflow.example"))
        .filteredOn(m -> subject(m).contains("Escalated: overdue review of " + reference))
        .hasSize(1);
    assertThat(task).isNotBlank();
  }

  private void fireTimer(String contract, String activityId) {
    Job timer =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    management
                        .createJobQuery()
                        .timers()
                        .activityId(activityId)
                        .processInstanceId(
                            runtime
                                .createProcessInstanceQuery()
                                .processInstanceBusinessKey(contract)
                                .processDefinitionKey("contract-review")
                                .singleResult()
                                .getId())
                        .singleResult(),
                job -> job != null);
    management.executeJob(timer.getId());
  }

  @Test
  void withTheSmtpServerDownNothingIsLostAndAllIsSentOnceWhenItReturns() throws Exception {
    mail.stop();
    String reference;
    try {
      ObjectNode body = contractBody(createCounterparty("rita"));
      body.putObject("value").put("amount", 5000).put("currency", "EUR");
      String contract = ContractsInReview.submit(api, "rita", body);
      reference = api.as("rita").get("/api/contracts/" + contract).json().get("reference").asText();
      // the mail is written and tried, and stays in the outbox while the server is down
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  jdbc.queryForObject(
                      """
          select count(*) from contractflow.mail m join contractflow.outbox o on o.topic = 'mail'
              and o.payload = m.id::text
          where m.contract_id = ? and m.recipient_user = 'leo' and o.attempts >= 2 and m.sent_at is null
          and o.failed_at is null and o.last_error is not null""",
                      Long.class,
                      UUID.fromString(contract)),
              n -> n == 1);
    } finally {
      mail.start();
    }
    awaitMail("leo@contractflow.example", reference);
    // and only once, though it was tried several times
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                mail.receivedBy("leo@contractflow.example").stream()
                        .filter(m -> subject(m).contains(reference))
                        .count()
                    == 1);
  }

  @Test
  void aTransactionThatRollsBackSendsNothing() {
    String contract = createContract("rita").get("id").asText();
    String taskId = "rolled-back-" + UUID.randomUUID();

    transactions.executeWithoutResult(
        status -> {
          events.publishEvent(
              new TaskWaiting(
                  taskId,
                  "Review contract",
                  UUID.fromString(contract),
                  "leo",
                  List.of(),
                  List.of(),
                  null));
          assertThat(
                  jdbc.queryForObject(
                      "select count(*) from contractflow.outbox where topic = 'notification' and payload like ?",
                      Long.class,
                      "%" + taskId + "%"))
              .as("recorded inside the transaction")
              .isEqualTo(1);
          status.setRollbackOnly();
        });

    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.outbox where topic = 'notification' and payload like ?",
                Long.class,
                "%" + taskId + "\"%"))
        .isZero();
    // a committed event afterwards is sent: the rolled-back one would have been sent before it
    transactions.executeWithoutResult(
        status ->
            events.publishEvent(
                new TaskWaiting(
                    taskId + "-kept",
                    "Review contract",
                    UUID.fromString(contract),
                    "leo",
                    List.of(),
                    List.of(),
                    null)));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                jdbc.queryForObject(
                    "select count(*) from contractflow.mail where dedupe_key like ? and sent_at is not null",
                    Long.class,
                    "task-waiting:" + taskId + "-kept:%"),
            n -> n == 1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.mail where dedupe_key like ?",
                Long.class,
                "task-waiting:" + taskId + ":%"))
        .isZero();
  }

  @Test
  void anEventWhoseMailCannotBeWrittenYetIsTriedAgainWithoutFailingTheEvent() {
    String taskId = "unwritable-" + UUID.randomUUID();
    UUID noSuchContract = UUID.randomUUID();

    // the event's own transaction commits: mail is worked out afterwards
    transactions.executeWithoutResult(
        status ->
            events.publishEvent(
                new TaskWaiting(
                    taskId, "Review contract", noSuchContract, "leo", List.of(), List.of(), null)));

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                jdbc.queryForObject(
                    """
        select count(*) from contractflow.outbox where topic = 'notification' and payload like ? and attempts >= 2
        and done_at is null and failed_at is null and last_error is not null""",
                    Long.class,
                    "%" + taskId + "%"),
            n -> n == 1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from contractflow.mail where dedupe_key like ?",
                Long.class,
                "task-waiting:" + taskId + ":%"))
        .isZero();
  }

  private MimeMessage awaitMail(String to, String subjectPart) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                mail.receivedBy(to).stream()
                    .filter(m -> subject(m).contains(subjectPart))
                    .findFirst()
                    .orElse(null),
            m -> m != null);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}

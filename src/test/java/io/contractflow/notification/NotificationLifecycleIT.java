package io.contractflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.identity.Role;
import io.contractflow.platform.outbox.OutboxWorker;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.MailServer;
import io.contractflow.support.SignerMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One contract's whole lifecycle over HTTP, and the mail it causes in a real SMTP server
 * (GreenMail): exactly the expected mails, to exactly the expected people, with the links that
 * matter — the external signer's invitation carries the link the test follows to sign, the owner's
 * "signed" mail the signed PDF. Renewal reminders come from the platform's scan (called here with
 * chosen instants: the platform clock is not moved), expiry reaches the owner and the contract
 * admins. The signing outcomes that end without a signature (a decline, a withdrawal) reach the
 * owner too.
 */
class NotificationLifecycleIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Pattern SIGN_LINK = Pattern.compile("https?://\\S+/sign/([A-Za-z0-9_-]+)");
  private static final Pattern SIGNED_PDF =
      Pattern.compile(
          "The signed document: https://contracts\\.example\\.com(/api/contracts/\\S+/documents/\\d+/content)");

  @Autowired private ManagementService management;
  @Autowired private RuntimeService runtime;
  @Autowired private IdentityService identity;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private RenewalReminders reminders;
  @Autowired private OutboxWorker worker;

  private final MailServer mail = MailServer.shared();

  @Test
  void oneContractFromDraftToExpiryMailsExactlyTheExpectedPeople() throws Exception {
    String signer = "signer-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    LocalDate today = today();
    ObjectNode body = contractBody(counterparty(signer));
    body.put("startDate", today.minusDays(300).toString());
    // ends in 40 days with 30 days' notice: the last day for notice is in 10 days, the 30-day
    // reminder is due
    body.put("endDate", today.plusDays(40).toString());
    body.putObject("renewal")
        .put("autoRenew", false)
        .put("renewalTermMonths", 12)
        .put("noticePeriodDays", 30);
    JsonNode created = createContract("rita", body);
    String id = created.get("id").asText();
    String reference = created.get("reference").asText();
    String title = created.get("title").asText();
    String about = reference + " " + title;
    upload(id);

    // drafting: the owner's task
    awaitMail("rita@contractflow.example", "Submit draft for review: " + about);
    assertThat(
            api.as("rita")
                .post(
                    "/api/contracts/" + id + "/submit",
                    JSON.createObjectNode().put("nonStandardTerms", false).put("comment", "ready"))
                .status())
        .isEqualTo(202);

    // review: 12,000.50 EUR of services goes to legal and finance, each member of each group hears
    // of it
    for (String reviewer : List.of("leo", "fiona")) {
      MimeMessage task = awaitMail(reviewer + "@contractflow.example", "Review contract: " + about);
      String taskId = await().atMost(PATIENCE).until(() -> taskOf(reviewer, id), t -> t != null);
      assertThat(MailServer.part(task, "text/plain"))
          .contains("https://contracts.example.com/camunda/app/tasklist/default/#/?task=" + taskId);
      assertThat(
              api.as(reviewer)
                  .post(
                      "/api/tasks/" + taskId + "/complete",
                      JSON.createObjectNode().put("decision", "APPROVE").put("comment", "fine"))
                  .status())
          .isEqualTo(204);
    }
    awaitMail("rita@contractflow.example", "Your contract was approved: " + about);
    awaitMail("rita@contractflow.example", "Your contract was sent for signature: " + about);

    // the external signer's invitation carries their link; it is followed over HTTP, with the
    // one-time code that
    // the signer asks for and receives by mail too
    MimeMessage invitation = awaitMail(signer, "Please sign " + about);
    String invitationText = MailServer.part(invitation, "text/plain");
    Matcher link = SIGN_LINK.matcher(invitationText);
    assertThat(link.find()).as(invitationText).isTrue();
    String token = link.group(1);
    assertThat(MailServer.part(invitation, "text/html")).contains("/sign/" + token);
    assertThat(api.anonymous().get("/sign/" + token).status()).isEqualTo(200);
    SignerMail signerMail = new SignerMail(mail, api);
    String code = signerMail.code(token, signer, reference);
    MimeMessage codeMail = awaitMail(signer, "Your code to sign " + reference);
    assertThat(MailServer.part(codeMail, "text/html")).contains(code);
    Api.Response verified = signerMail.enter(token, code);
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    Api.Response signed =
        signerMail.sign(token, verified.json().get("session").asText(), "Ann Signer");
    assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
    // link and code are credentials: once sent, the outbox keeps neither them nor the bodies that
    // carried them
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                jdbc.queryForObject(
                    """
        select count(*) from contractflow.mail where contract_id = ? and event in ('signer-invitation', 'signer-code')
        and sent_at is not null and body_sealed is null""",
                    Long.class,
                    UUID.fromString(id)),
            n -> n == 2);
    for (String secret : List.of(token, code)) {
      assertThat(
              jdbc.queryForObject(
                  """
          select count(*) from contractflow.mail where contract_id = ?
          and (text_body like ? or html_body like ? or subject like ?)""",
                  Long.class,
                  UUID.fromString(id),
                  "%" + secret + "%",
                  "%" + secret + "%",
                  "%" + secret + "%"))
          .isZero();
    }

    // signed and active: the owner's mail links the signed PDF, which the owner can download
    MimeMessage active =
        awaitMail("rita@contractflow.example", "Your contract is signed and active: " + about);
    Matcher pdf = SIGNED_PDF.matcher(MailServer.part(active, "text/plain"));
    assertThat(pdf.find()).as(MailServer.part(active, "text/plain")).isTrue();
    Api.BinaryResponse download = api.as("rita").download(pdf.group(1));
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).contains("-signed.pdf"));

    // the active term: the renewal decision task is due at once (30 days before the deadline) ...
    awaitMail("rita@contractflow.example", "Decide on renewal: " + about);
    // ... and the reminders: the 30-day one now (the 90-day one is not sent too), the 7-day one a
    // week later,
    // each once however often and wherever the scan runs
    LocalDate lastNoticeDay = today.plusDays(10);
    String reminder = "Notice deadline " + lastNoticeDay + ": " + about;
    Instant now = clock.instant();
    reminders.scan(now);
    reminders.scan(now);
    awaitMail("rita@contractflow.example", reminder);
    reminders.scan(now.plus(Duration.ofDays(7)));
    reminders.scan(now.plus(Duration.ofDays(7)));
    await()
        .atMost(PATIENCE)
        .until(() -> mailsTo("rita@contractflow.example", reminder).size() == 2);
    assertThat(
            jdbc.queryForList(
                "select dedupe_key from contractflow.outbox where dedupe_key like ?",
                String.class,
                "renewal-reminder:" + id + ":%"))
        .containsExactlyInAnyOrder(
            "renewal-reminder:" + id + ":" + today.plusDays(40) + ":PT720H",
            "renewal-reminder:" + id + ":" + today.plusDays(40) + ":PT168H");
    assertThat(MailServer.part(mailsTo("rita@contractflow.example", reminder).get(0), "text/plain"))
        .contains("must be given by the end of " + lastNoticeDay)
        .contains("expires at its end date")
        .contains("https://contracts.example.com/api/contracts/" + id);

    // no decision by the deadline, no automatic renewal: the term runs out and the contract expires
    fireTimer(id, "Task_DecideRenewal", "Event_NoticeDeadlinePassed");
    fireTimer(id, "Event_TermEnds", "Event_TermEnds");
    awaitMail("rita@contractflow.example", "Your contract has expired: " + about);
    List<String> admins =
        withMail(identity.createUserQuery().memberOfGroup(Role.CONTRACT_ADMIN.groupId()).list());
    for (String admin : admins) {
      awaitMail(admin, "Contract expired: " + about);
    }

    // and nothing else: every event handled, every mail of the contract sent
    awaitQuiet(id);
    List<String> expected = new ArrayList<>();
    expected.add("rita@contractflow.example | Submit draft for review: " + about);
    for (String group : List.of(Role.LEGAL_REVIEWER.groupId(), Role.FINANCE_APPROVER.groupId())) {
      withMail(identity.createUserQuery().memberOfGroup(group).list())
          .forEach(to -> expected.add(to + " | Review contract: " + about));
    }
    expected.add("rita@contractflow.example | Your contract was approved: " + about);
    expected.add("rita@contractflow.example | Your contract was sent for signature: " + about);
    expected.add(signer + " | Please sign " + about);
    expected.add(signer + " | Your code to sign " + reference);
    expected.add("rita@contractflow.example | Your contract is signed and active: " + about);
    expected.add("rita@contractflow.example | Decide on renewal: " + about);
    expected.add("rita@contractflow.example | " + reminder);
    expected.add("rita@contractflow.example | " + reminder);
    expected.add("rita@contractflow.example | Your contract has expired: " + about);
    admins.stream()
        .filter(a -> !a.equals("rita@contractflow.example"))
        .forEach(a -> expected.add(a + " | Contract expired: " + about));
    assertThat(mailsAbout(reference, signer)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aDeclineAndAWithdrawalReachTheOwner() throws Exception {
    // declined: the signer follows their mail's link and declines; the owner hears who and why
    String signer = "signer-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    JsonNode declined = signingContract(signer);
    String about = declined.get("reference").asText() + " " + declined.get("title").asText();
    Matcher link =
        SIGN_LINK.matcher(MailServer.part(awaitMail(signer, "Please sign " + about), "text/plain"));
    assertThat(link.find()).isTrue();
    SignerMail signerMail = new SignerMail(mail, api);
    String session = signerMail.verify(link.group(1), signer, declined.get("reference").asText());
    assertThat(signerMail.decline(link.group(1), session, "The cap is <missing> & wrong").status())
        .isEqualTo(200);
    MimeMessage decline = awaitMail("rita@contractflow.example", "Signing declined: " + about);
    assertThat(MailServer.part(decline, "text/plain"))
        .contains("By: Ann Signer")
        .contains("Reason: The cap is <missing> & wrong");
    assertThat(MailServer.part(decline, "text/html"))
        .contains("The cap is &lt;missing&gt; &amp; wrong");

    // withdrawn: the owner cancels while it is out for signature; the links stop working and the
    // owner is told
    String other = "signer-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    JsonNode cancelled = signingContract(other);
    String cancelledAbout =
        cancelled.get("reference").asText() + " " + cancelled.get("title").asText();
    awaitMail(other, "Please sign " + cancelledAbout);
    assertThat(
            api.as("rita")
                .post("/api/contracts/" + cancelled.get("id").asText() + "/cancel", null)
                .status())
        .isEqualTo(200);
    MimeMessage withdrawn =
        awaitMail("rita@contractflow.example", "Signing withdrawn: " + cancelledAbout);
    assertThat(MailServer.part(withdrawn, "text/plain"))
        .contains("Reason: The contract was cancelled");

    awaitQuiet(declined.get("id").asText());
    awaitQuiet(cancelled.get("id").asText());
    assertThat(mailsAbout(declined.get("reference").asText(), signer))
        .containsExactlyInAnyOrder(
            "rita@contractflow.example | Submit draft for review: " + about,
            "rita@contractflow.example | Your contract was approved: " + about,
            "rita@contractflow.example | Your contract was sent for signature: " + about,
            signer + " | Please sign " + about,
            signer + " | Your code to sign " + declined.get("reference").asText(),
            "rita@contractflow.example | Signing declined: " + about,
            // back in drafting: the owner's task again
            "rita@contractflow.example | Submit draft for review: " + about);
    assertThat(mailsAbout(cancelled.get("reference").asText(), other))
        .containsExactlyInAnyOrder(
            "rita@contractflow.example | Submit draft for review: " + cancelledAbout,
            "rita@contractflow.example | Your contract was approved: " + cancelledAbout,
            "rita@contractflow.example | Your contract was sent for signature: " + cancelledAbout,
            other + " | Please sign " + cancelledAbout,
            "rita@contractflow.example | Signing withdrawn: " + cancelledAbout);
  }

  /** A 500 EUR NDA (no approver needed) submitted and on its way to {@code signer}. */
  private JsonNode signingContract(String signer) {
    ObjectNode body = contractBody(counterparty(signer));
    body.put("type", "NDA").putObject("value").put("amount", 500).put("currency", "EUR");
    body.putObject("renewal").put("autoRenew", false);
    JsonNode created = createContract("rita", body);
    String id = created.get("id").asText();
    upload(id);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                api.as("rita")
                    .get("/api/contracts/" + id + "/process")
                    .json()
                    .get("phase")
                    .asText()
                    .equals("Drafting"));
    assertThat(api.as("rita").post("/api/contracts/" + id + "/submit", null).status())
        .isEqualTo(202);
    return created;
  }

  private String counterparty(String contactEmail) {
    Api.Response response =
        api.as("rita")
            .post(
                "/api/counterparties",
                JSON.createObjectNode()
                    .put("name", unique("Acme"))
                    .put("contactName", "Ann Signer")
                    .put("contactEmail", contactEmail));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private void upload(String id) {
    Api.Response uploaded =
        api.as("rita")
            .upload(
                "/api/contracts/" + id + "/documents",
                "contract.pdf",
                Corpus.PDF,
                Corpus.sample("nda.pdf"));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
  }

  private String taskOf(String user, String contractId) {
    for (JsonNode task : api.as(user).get("/api/tasks?contractId=" + contractId).json()) {
      if (task.get("contractId").asText().equals(contractId)) {
        return task.get("id").asText();
      }
    }
    return null;
  }

  /**
   * Executes the contract's timer job {@code timer} of the process instance waiting at {@code
   * waitingAt}.
   */
  private void fireTimer(String contractId, String waitingAt, String timer) {
    Job job =
        await()
            .atMost(PATIENCE)
            .until(
                () -> {
                  String instance =
                      runtime
                          .createExecutionQuery()
                          .processInstanceBusinessKey(contractId)
                          .activityId(waitingAt)
                          .list()
                          .stream()
                          .map(Execution::getProcessInstanceId)
                          .findFirst()
                          .orElse(null);
                  return instance == null
                      ? null
                      : management
                          .createJobQuery()
                          .timers()
                          .processInstanceId(instance)
                          .activityId(timer)
                          .singleResult();
                },
                j -> j != null);
    management.executeJob(job.getId());
  }

  /** Waits until every recorded event is handled and every mail of the contract is sent. */
  private void awaitQuiet(String contractId) {
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              worker.workDue();
              return jdbc.queryForObject(
                          "select count(*) from contractflow.outbox where topic = 'notification'"
                              + " and done_at is null and failed_at is null",
                          Long.class)
                      == 0
                  && jdbc.queryForObject(
                          "select count(*) from contractflow.mail where contract_id = ?"
                              + " and sent_at is null",
                          Long.class,
                          UUID.fromString(contractId))
                      == 0;
            });
  }

  /**
   * Every mail received about the contract (its reference in the subject) or sent to its signer.
   */
  private List<String> mailsAbout(String reference, String signer) throws Exception {
    List<String> found = new ArrayList<>();
    for (MimeMessage message : mail.received()) {
      String subject = message.getSubject();
      String to =
          Arrays.stream(message.getAllRecipients())
              .map(Object::toString)
              .reduce((a, b) -> a + ", " + b)
              .orElse("");
      if (subject.contains(reference) || to.equalsIgnoreCase(signer)) {
        assertThat(subject).startsWith("ContractFlow: ");
        found.add(to + " | " + subject.substring("ContractFlow: ".length()));
      }
    }
    return found;
  }

  private static List<String> withMail(List<User> users) {
    return users.stream().map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList();
  }

  private List<MimeMessage> mailsTo(String to, String subjectPart) {
    return mail.receivedBy(to).stream().filter(m -> subject(m).contains(subjectPart)).toList();
  }

  private MimeMessage awaitMail(String to, String subjectPart) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> mailsTo(to, subjectPart).stream().findFirst().orElse(null), m -> m != null);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}

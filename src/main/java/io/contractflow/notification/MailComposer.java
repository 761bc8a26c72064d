package io.contractflow.notification;

import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractStatusChanged;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.document.DocumentService;
import io.contractflow.document.DocumentVersionResponse;
import io.contractflow.identity.Role;
import io.contractflow.signature.SigningDeclined;
import io.contractflow.signature.SigningService;
import io.contractflow.signature.SigningStatus;
import io.contractflow.signature.SigningView;
import io.contractflow.signature.SigningWithdrawn;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns a recorded event ({@link NotificationEvents}) into mail in the outbox, one per recipient: a
 * task waiting for someone, the changes of a contract its owner hears about (approved, rejected,
 * changes requested, sent for signature, signed with the signed PDF's link, terminated), its expiry
 * (owner and contract admins), the signing outcomes without a signature (declined, expired,
 * withdrawn), renewal reminders, and overdue reviews (a reminder to the waiting groups, then the
 * escalation to the contract admins). Each recipient gets one mail per event, as their preferences
 * say ({@link NotificationPreferences}: off, immediate, or held for the daily digest). Runs after
 * the event committed, in the transaction that marks the event done, so an event becomes all its
 * mails or none.
 */
@Component
class MailComposer {

  /**
   * What the owner is told when their contract reaches a status, by the status it came from where
   * that matters.
   */
  private static final Map<ContractStatus, String> HEADLINES =
      Map.of(
          ContractStatus.APPROVED, "Your contract was approved",
          ContractStatus.REJECTED, "Your contract was rejected",
          ContractStatus.SIGNING, "Your contract was sent for signature",
          ContractStatus.ACTIVE, "Your contract is signed and active",
          ContractStatus.EXPIRED, "Your contract has expired",
          ContractStatus.TERMINATED, "Your contract was terminated");

  private static final String CHANGES_REQUESTED = "Changes were requested on your contract";
  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Mails mails;
  private final MailTemplates templates;
  private final People people;
  private final ContractTransitions contracts;
  private final MailProperties properties;
  private final NotificationPreferences preferences;
  private final SigningService signing;
  private final DocumentService documents;

  MailComposer(
      Mails mails,
      MailTemplates templates,
      People people,
      ContractTransitions contracts,
      MailProperties properties,
      NotificationPreferences preferences,
      SigningService signing,
      DocumentService documents) {
    this.mails = mails;
    this.templates = templates;
    this.people = people;
    this.contracts = contracts;
    this.properties = properties;
    this.preferences = preferences;
    this.signing = signing;
    this.documents = documents;
  }

  void taskWaiting(TaskWaiting task) {
    ContractResponse contract = contracts.current(task.contractId());
    // each person once: as assignee, as a candidate, or through the first of their candidate groups
    Map<String, Recipient> recipients = new LinkedHashMap<>();
    if (task.assignee() != null) {
      people
          .user(task.assignee())
          .ifPresent(p -> recipients.putIfAbsent(p.userId(), new Recipient(p, null)));
    } else {
      task.candidateUsers()
          .forEach(
              user ->
                  people
                      .user(user)
                      .ifPresent(p -> recipients.putIfAbsent(p.userId(), new Recipient(p, null))));
      task.candidateGroups()
          .forEach(
              group ->
                  people
                      .membersOf(group)
                      .forEach(p -> recipients.putIfAbsent(p.userId(), new Recipient(p, group))));
    }
    for (Recipient recipient : recipients.values()) {
      Map<String, Object> values = contractValues(contract);
      values.put("taskName", task.taskName());
      values.put("group", recipient.group());
      values.put("due", task.due() == null ? null : DUE.format(task.due()));
      values.put(
          "taskUrl", properties.base() + "/camunda/app/tasklist/default/#/?task=" + task.taskId());
      String subject = task.taskName() + ": " + contract.reference() + " " + contract.title();
      write(
          "task-waiting",
          "task-waiting:" + task.taskId(),
          contract,
          recipient.person(),
          subject,
          values);
    }
  }

  /** Whether the owner hears of this change at all. */
  static boolean mails(ContractStatusChanged change) {
    return headline(change) != null;
  }

  private static String headline(ContractStatusChanged change) {
    return change.from() == ContractStatus.IN_REVIEW && change.to() == ContractStatus.DRAFT
        ? CHANGES_REQUESTED
        : HEADLINES.get(change.to());
  }

  void contractChanged(ContractStatusChanged change, UUID eventId) {
    String headline = headline(change);
    if (headline == null) {
      return;
    }
    ContractResponse contract = contracts.current(change.contractId());
    if (change.to() == ContractStatus.EXPIRED) {
      contractExpired(contract, eventId);
      return;
    }
    Optional<People.Person> owner = people.user(contract.owner());
    if (owner.isEmpty()) {
      return;
    }
    Map<String, Object> values = contractValues(contract);
    values.put("headline", headline);
    values.put("reason", change.reason());
    values.put(
        "by", change.actor() == null || "system".equals(change.actor()) ? null : change.actor());
    if (change.from() == ContractStatus.SIGNING && change.to() == ContractStatus.ACTIVE) {
      values.put("signedDocumentUrl", signedDocumentUrl(contract));
    }
    write(
        "contract-update",
        "contract-update:" + contract.id() + ":" + change.to() + ":" + eventId,
        contract,
        owner.get(),
        headline + ": " + contract.reference() + " " + contract.title(),
        values);
  }

  /**
   * The signed PDF of the contract's latest signing request, or the document list if it cannot be
   * named.
   */
  private String signedDocumentUrl(ContractResponse contract) {
    Optional<UUID> sealed = signing.latest(contract.id()).map(SigningView::sealedVersionId);
    Optional<DocumentVersionResponse> current = documents.currentPdf(contract.id());
    if (sealed.isPresent() && current.isPresent() && current.get().id().equals(sealed.get())) {
      return properties.base() + current.get().contentUrl();
    }
    return properties.base() + "/api/contracts/" + contract.id() + "/documents";
  }

  /** The contract ran out: its owner and the contract admins hear of it. */
  private void contractExpired(ContractResponse contract, UUID eventId) {
    Map<String, Boolean> isOwner = new LinkedHashMap<>();
    Map<String, People.Person> persons = new HashMap<>();
    people
        .user(contract.owner())
        .ifPresent(
            p -> {
              isOwner.put(p.userId(), true);
              persons.put(p.userId(), p);
            });
    for (People.Person admin : people.membersOf(Role.CONTRACT_ADMIN.groupId())) {
      isOwner.putIfAbsent(admin.userId(), false);
      persons.putIfAbsent(admin.userId(), admin);
    }
    isOwner.forEach(
        (user, owner) -> {
          Map<String, Object> values = contractValues(contract);
          values.put("owner", owner);
          values.put("ownerName", contract.owner());
          values.put("endDate", contract.endDate() == null ? null : contract.endDate().toString());
          String subject =
              (owner ? "Your contract has expired: " : "Contract expired: ")
                  + contract.reference()
                  + " "
                  + contract.title();
          write(
              "contract-expired",
              "contract-expired:" + contract.id() + ":" + eventId,
              contract,
              persons.get(user),
              subject,
              values);
        });
  }

  /** A signer declined (or the vendor voided the envelope): the owner hears who and why. */
  void signingDeclined(SigningDeclined declined, UUID eventId) {
    ContractResponse contract = contracts.current(declined.contractId());
    Map<String, Object> values = contractValues(contract);
    values.put("headline", "Signing of your contract was declined");
    values.put("by", declined.signerName());
    values.put("reason", declined.reason());
    values.put(
        "next", "The contract is back in drafting: change it and submit it again, or cancel it.");
    signingOutcome(
        contract,
        "signing-outcome:" + declined.requestId() + ":declined",
        "Signing declined: " + contract.reference() + " " + contract.title(),
        values);
  }

  /** A signing request expired or was withdrawn: the owner hears that its links no longer work. */
  void signingWithdrawn(SigningWithdrawn withdrawn, UUID eventId) {
    ContractResponse contract = contracts.current(withdrawn.contractId());
    boolean expired = withdrawn.status() == SigningStatus.EXPIRED;
    Map<String, Object> values = contractValues(contract);
    values.put(
        "headline",
        expired
            ? "The signing links of your contract expired before everyone signed"
            : "Signing of your contract was withdrawn");
    values.put("by", null);
    values.put("reason", withdrawn.reason());
    values.put(
        "next",
        expired
            ? "The contract is back in drafting: submit it again to send it for signature anew."
            : "The signing links no longer work.");
    signingOutcome(
        contract,
        "signing-outcome:" + withdrawn.requestId() + ":" + withdrawn.status(),
        (expired ? "Signing expired: " : "Signing withdrawn: ")
            + contract.reference()
            + " "
            + contract.title(),
        values);
  }

  private void signingOutcome(
      ContractResponse contract, String key, String subject, Map<String, Object> values) {
    people
        .user(contract.owner())
        .ifPresent(owner -> write("signing-outcome", key, contract, owner, subject, values));
  }

  /**
   * A reminder of the notice deadline, to the owner of a contract still active in the same term.
   */
  void renewalReminder(RenewalReminders.Reminder reminder) {
    ContractResponse contract = contracts.current(reminder.contractId());
    if (contract.status() != ContractStatus.ACTIVE
        || contract.endDate() == null
        || !contract.endDate().equals(reminder.endDate())) {
      return; // ended or renewed meanwhile: nothing to remind of
    }
    Optional<People.Person> owner = people.user(contract.owner());
    if (owner.isEmpty()) {
      return;
    }
    Map<String, Object> values = contractValues(contract);
    values.put("lastNoticeDay", reminder.lastNoticeDay().toString());
    values.put("endDate", contract.endDate().toString());
    values.put("autoRenew", contract.renewal() != null && contract.renewal().autoRenew());
    values.put("tasklistUrl", properties.base() + "/camunda/app/tasklist/default/");
    write(
        "renewal-reminder",
        "renewal-reminder:" + contract.id() + ":" + reminder.endDate() + ":" + reminder.lead(),
        contract,
        owner.get(),
        "Notice deadline "
            + reminder.lastNoticeDay()
            + ": "
            + contract.reference()
            + " "
            + contract.title(),
        values);
  }

  /**
   * An overdue review: a reminder to each waiting group's members, or an escalation to the contract
   * admins.
   */
  void reviewOverdue(ReviewOverdue overdue, UUID eventId) {
    ContractResponse contract = contracts.current(overdue.contractId());
    Map<String, String> recipients = new LinkedHashMap<>();
    Map<String, People.Person> persons = new HashMap<>();
    for (String group :
        overdue.escalated() ? List.of(Role.CONTRACT_ADMIN.groupId()) : overdue.groups()) {
      for (People.Person person : people.membersOf(group)) {
        recipients.putIfAbsent(person.userId(), group);
        persons.putIfAbsent(person.userId(), person);
      }
    }
    String occurrence = eventId.toString(); // one reminder each time the timer fires
    String subject =
        (overdue.escalated() ? "Escalated: overdue review of " : "Overdue review of ")
            + contract.reference()
            + " "
            + contract.title();
    for (Map.Entry<String, String> recipient : recipients.entrySet()) {
      Map<String, Object> values = contractValues(contract);
      values.put("escalated", overdue.escalated());
      values.put("group", recipient.getValue());
      values.put("groups", String.join(", ", overdue.groups()));
      values.put(
          "taskUrls",
          overdue.taskIds().stream()
              .map(id -> properties.base() + "/camunda/app/tasklist/default/#/?task=" + id)
              .toList());
      write(
          "review-overdue",
          "review-overdue:" + occurrence,
          contract,
          persons.get(recipient.getKey()),
          subject,
          values);
    }
  }

  /**
   * A process step's mail (the "Notify by mail" element template): each person it names once, with
   * the template it chose.
   */
  void processStepMail(ProcessStepMail mail, UUID eventId) {
    ContractResponse contract = contracts.current(mail.contractId());
    Map<String, People.Person> recipients = new LinkedHashMap<>();
    for (People.Person person : stepRecipients(mail, contract)) {
      recipients.putIfAbsent(person.userId(), person);
    }
    String subject = mail.subject() + ": " + contract.reference() + " " + contract.title();
    for (People.Person person : recipients.values()) {
      Map<String, Object> values = contractValues(contract);
      values.put("headline", mail.subject());
      values.put("message", mail.message());
      values.put("reason", mail.message());
      values.put("by", null);
      write(
          mail.template(),
          "process-step:" + mail.occurrence() + ":" + eventId,
          contract,
          person,
          subject,
          values);
    }
  }

  private List<People.Person> stepRecipients(ProcessStepMail mail, ContractResponse contract) {
    return switch (mail.recipientType()) {
      case "person" -> people.user(mail.recipient()).stream().toList();
      case "group" -> people.membersOf(mail.recipient());
      case "role" ->
          ProcessStepMail.OWNER.equals(mail.recipient())
              ? people.user(contract.owner()).stream().toList()
              : people.membersOf(Role.valueOf(mail.recipient()).groupId());
      default ->
          throw new IllegalArgumentException("no recipients of type " + mail.recipientType());
    };
  }

  private Map<String, Object> contractValues(ContractResponse contract) {
    Map<String, Object> values = new HashMap<>();
    values.put("reference", contract.reference());
    values.put("title", contract.title());
    values.put("counterparty", contract.counterparty().name());
    values.put("contractUrl", properties.base() + "/api/contracts/" + contract.id());
    return values;
  }

  /**
   * Renders and enqueues one mail, as the recipient prefers: not at all (that kind is off for
   * them), at once, or held for their daily digest. {@code event} is both the template and the kind
   * of mail.
   */
  private void write(
      String event,
      String key,
      ContractResponse contract,
      People.Person to,
      String subject,
      Map<String, Object> values) {
    NotificationPreferences.Preference preference = preferences.of(to.userId(), event);
    if (!preference.enabled()) {
      return;
    }
    MailTemplates.Rendered mail = templates.render(event, subject, to, values);
    mails.enqueue(
        new OutgoingMail(
            key + ":" + to.userId(),
            event,
            contract.id(),
            to.userId(),
            to.email(),
            mail.subject(),
            mail.text(),
            mail.html()),
        preference.delivery() == NotificationPreferences.Delivery.DAILY_DIGEST
            ? Mails.Handling.DIGEST
            : Mails.Handling.IMMEDIATE);
  }

  private record Recipient(People.Person person, String group) {}
}

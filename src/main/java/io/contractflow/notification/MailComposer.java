package io.contractflow.notification;

import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractStatusChanged;
import io.contractflow.contract.ContractTransitions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import io.contractflow.identity.Role;
import io.contractflow.workflow.review.ReviewOverdue;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns a recorded event ({@link NotificationEvents}) into mail in the outbox, one per recipient: a task waiting for
 * someone, the changes of a contract its owner hears about (approved, rejected, changes requested, sent for
 * signature, signed, expired, terminated), and overdue reviews (a reminder to the waiting groups, then the
 * escalation to the contract admins). Each recipient gets one mail per event. Runs after the event committed, in
 * the transaction that marks the event done, so an event becomes all its mails or none.
 */
@Component
class MailComposer {

  /** What the owner is told when their contract reaches a status, by the status it came from where that matters. */
  private static final Map<ContractStatus, String> HEADLINES = Map.of(
      ContractStatus.APPROVED, "Your contract was approved",
      ContractStatus.REJECTED, "Your contract was rejected",
      ContractStatus.SIGNING, "Your contract was sent for signature",
      ContractStatus.ACTIVE, "Your contract is signed and active",
      ContractStatus.EXPIRED, "Your contract has expired",
      ContractStatus.TERMINATED, "Your contract was terminated");
  private static final String CHANGES_REQUESTED = "Changes were requested on your contract";
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final People people;
  private final ContractTransitions contracts;
  private final MailProperties properties;

  MailComposer(MailOutbox outbox, MailTemplates templates, People people, ContractTransitions contracts,
      MailProperties properties) {
    this.outbox = outbox;
    this.templates = templates;
    this.people = people;
    this.contracts = contracts;
    this.properties = properties;
  }

  void taskWaiting(TaskWaiting task) {
    ContractResponse contract = contracts.current(task.contractId());
    // each person once: as assignee, as a candidate, or through the first of their candidate groups
    Map<String, Recipient> recipients = new LinkedHashMap<>();
    if (task.assignee() != null) {
      people.user(task.assignee()).ifPresent(p -> recipients.putIfAbsent(p.userId(), new Recipient(p, null)));
    } else {
      task.candidateUsers().forEach(user ->
          people.user(user).ifPresent(p -> recipients.putIfAbsent(p.userId(), new Recipient(p, null))));
      task.candidateGroups().forEach(group -> people.membersOf(group).forEach(p ->
          recipients.putIfAbsent(p.userId(), new Recipient(p, group))));
    }
    for (Recipient recipient : recipients.values()) {
      Map<String, Object> values = contractValues(contract);
      values.put("taskName", task.taskName());
      values.put("group", recipient.group());
      values.put("due", task.due() == null ? null : DUE.format(task.due()));
      values.put("taskUrl", properties.base() + "/camunda/app/tasklist/default/#/?task=" + task.taskId());
      String subject = task.taskName() + ": " + contract.reference() + " " + contract.title();
      write("task-waiting", "task-waiting:" + task.taskId(), contract, recipient.person(), subject, values);
    }
  }

  /** Whether the owner hears of this change at all. */
  static boolean mails(ContractStatusChanged change) {
    return headline(change) != null;
  }

  private static String headline(ContractStatusChanged change) {
    return change.from() == ContractStatus.IN_REVIEW && change.to() == ContractStatus.DRAFT
        ? CHANGES_REQUESTED : HEADLINES.get(change.to());
  }

  void contractChanged(ContractStatusChanged change, UUID eventId) {
    String headline = headline(change);
    if (headline == null) {
      return;
    }
    ContractResponse contract = contracts.current(change.contractId());
    Optional<People.Person> owner = people.user(contract.owner());
    if (owner.isEmpty()) {
      return;
    }
    Map<String, Object> values = contractValues(contract);
    values.put("headline", headline);
    values.put("reason", change.reason());
    values.put("by", change.actor() == null || "system".equals(change.actor()) ? null : change.actor());
    write("contract-update", "contract-update:" + contract.id() + ":" + change.to() + ":" + eventId,
        contract, owner.get(), headline + ": " + contract.reference() + " " + contract.title(), values);
  }

  /** An overdue review: a reminder to each waiting group's members, or an escalation to the contract admins. */
  void reviewOverdue(ReviewOverdue overdue, UUID eventId) {
    ContractResponse contract = contracts.current(overdue.contractId());
    Map<String, String> recipients = new LinkedHashMap<>();
    Map<String, People.Person> persons = new HashMap<>();
    for (String group : overdue.escalated() ? List.of(Role.CONTRACT_ADMIN.groupId()) : overdue.groups()) {
      for (People.Person person : people.membersOf(group)) {
        recipients.putIfAbsent(person.userId(), group);
        persons.putIfAbsent(person.userId(), person);
      }
    }
    String occurrence = eventId.toString(); // one reminder each time the timer fires
    String subject = (overdue.escalated() ? "Escalated: overdue review of " : "Overdue review of ")
        + contract.reference() + " " + contract.title();
    for (Map.Entry<String, String> recipient : recipients.entrySet()) {
      Map<String, Object> values = contractValues(contract);
      values.put("escalated", overdue.escalated());
      values.put("group", recipient.getValue());
      values.put("groups", String.join(", ", overdue.groups()));
      values.put("taskUrls", overdue.taskIds().stream()
          .map(id -> properties.base() + "/camunda/app/tasklist/default/#/?task=" + id).toList());
      write("review-overdue", "review-overdue:" + occurrence, contract, persons.get(recipient.getKey()), subject,
          values);
    }
  }

  private Map<String, Object> contractValues(ContractResponse contract) {
    Map<String, Object> values = new HashMap<>();
    values.put("reference", contract.reference());
    values.put("title", contract.title());
    values.put("counterparty", contract.counterparty().name());
    values.put("contractUrl", properties.base() + "/api/contracts/" + contract.id());
    return values;
  }

  private void write(String event, String key, ContractResponse contract, People.Person to, String subject,
      Map<String, Object> values) {
    MailTemplates.Rendered mail = templates.render(event, subject, to, values);
    outbox.enqueue(new OutgoingMail(key + ":" + to.userId(), event, contract.id(), to.userId(), to.email(),
        mail.subject(), mail.text(), mail.html()));
  }

  private record Recipient(People.Person person, String group) {}
}

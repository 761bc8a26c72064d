package io.contractflow.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.contract.ContractStatusChanged;
import io.contractflow.signature.SigningDeclined;
import io.contractflow.signature.SigningWithdrawn;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records each event that causes mail, inside the event's own transaction ({@link
 * NotificationEvents}): it commits or rolls back with the event. {@link #compose} turns a recorded
 * event into its mails later.
 */
@Component
class Notifier {

  static final String TASK_WAITING = "task-waiting";
  static final String CONTRACT_CHANGED = "contract-changed";
  static final String REVIEW_OVERDUE = "review-overdue";
  static final String SIGNING_DECLINED = "signing-declined";
  static final String SIGNING_WITHDRAWN = "signing-withdrawn";
  static final String RENEWAL_REMINDER = "renewal-reminder";
  static final String PROCESS_STEP_MAIL = "process-step-mail";

  private final NotificationEvents events;
  private final MailComposer composer;
  private final ObjectMapper json;
  private final MailProperties properties;

  Notifier(
      NotificationEvents events,
      MailComposer composer,
      ObjectMapper json,
      MailProperties properties) {
    this.events = events;
    this.composer = composer;
    this.json = json;
    this.properties = properties;
  }

  @EventListener
  void taskWaiting(TaskWaiting task) {
    record(TASK_WAITING, task);
  }

  @EventListener
  void contractChanged(ContractStatusChanged change) {
    if (MailComposer.mails(change)) {
      record(CONTRACT_CHANGED, change);
    }
  }

  @EventListener
  void reviewOverdue(ReviewOverdue overdue) {
    record(REVIEW_OVERDUE, overdue);
  }

  @EventListener
  void signingDeclined(SigningDeclined declined) {
    record(SIGNING_DECLINED, declined);
  }

  @EventListener
  void signingWithdrawn(SigningWithdrawn withdrawn) {
    record(SIGNING_WITHDRAWN, withdrawn);
  }

  @EventListener
  void processStepMail(ProcessStepMail mail) {
    record(PROCESS_STEP_MAIL, mail);
  }

  /** Writes the mails of one recorded event into the outbox. */
  void compose(UUID eventId, String kind, String payload) throws JsonProcessingException {
    switch (kind) {
      case TASK_WAITING -> composer.taskWaiting(json.readValue(payload, TaskWaiting.class));
      case CONTRACT_CHANGED ->
          composer.contractChanged(json.readValue(payload, ContractStatusChanged.class), eventId);
      case REVIEW_OVERDUE ->
          composer.reviewOverdue(json.readValue(payload, ReviewOverdue.class), eventId);
      case SIGNING_DECLINED ->
          composer.signingDeclined(json.readValue(payload, SigningDeclined.class), eventId);
      case SIGNING_WITHDRAWN ->
          composer.signingWithdrawn(json.readValue(payload, SigningWithdrawn.class), eventId);
      case PROCESS_STEP_MAIL ->
          composer.processStepMail(json.readValue(payload, ProcessStepMail.class), eventId);
      case RENEWAL_REMINDER ->
          composer.renewalReminder(json.readValue(payload, RenewalReminders.Reminder.class));
      default -> throw new IllegalArgumentException("no mail for events of kind " + kind);
    }
  }

  private void record(String kind, Object event) {
    if (!properties.enabled()) {
      return;
    }
    try {
      events.record(kind, json.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot record " + kind + " for mail", e);
    }
  }
}

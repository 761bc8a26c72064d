package io.contractflow.workflow.steps;

import io.contractflow.identity.Role;
import io.contractflow.notification.ProcessStepMail;
import io.contractflow.workflow.ProcessVariables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Notify by mail" (template {@value #TEMPLATE}): mail about the contract to a person, the members
 * of a group, or the holders of a role (or the contract's owner), with one of the notification
 * feature's mail templates ({@link ProcessStepMail#TEMPLATES}). It publishes {@link
 * ProcessStepMail} in the step's transaction; the notification outbox writes and sends the mails
 * after the commit, with its own retries, as the recipients' preferences say.
 */
@Component("notifyByMail")
class NotifyByMail implements JavaDelegate, TemplatedStep {

  static final String TEMPLATE = "io.contractflow.NotifyByMail";
  static final String RECIPIENT_TYPE = "recipientType";
  static final String RECIPIENT = "recipient";
  static final String MAIL_TEMPLATE = "mailTemplate";
  static final String SUBJECT = "subject";
  static final String MESSAGE = "message";
  static final int MAX_SUBJECT = 200;
  static final int MAX_MESSAGE = 4000;

  private final ApplicationEventPublisher events;

  NotifyByMail(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> values =
        Map.of(
            RECIPIENT_TYPE, StepInputs.required(execution, RECIPIENT_TYPE),
            RECIPIENT, StepInputs.required(execution, RECIPIENT),
            MAIL_TEMPLATE, StepInputs.required(execution, MAIL_TEMPLATE),
            SUBJECT, StepInputs.required(execution, SUBJECT));
    List<String> problems = check(values);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
    events.publishEvent(
        new ProcessStepMail(
            ProcessVariables.contractId(execution),
            values.get(RECIPIENT_TYPE),
            values.get(RECIPIENT),
            values.get(MAIL_TEMPLATE),
            values.get(SUBJECT),
            StepInputs.optional(execution, MESSAGE),
            execution.getActivityInstanceId()));
  }

  @Override
  public String templateId() {
    return TEMPLATE;
  }

  @Override
  public List<String> check(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    String type = values.get(RECIPIENT_TYPE);
    boolean typeKnown = type != null && ProcessStepMail.RECIPIENT_TYPES.contains(type);
    if (type != null && !StepInputs.isExpression(type) && !typeKnown) {
      problems.add(
          "recipientType '"
              + type
              + "' is none of "
              + ProcessStepMail.RECIPIENT_TYPES.stream().sorted().toList());
    }
    String recipient = values.get(RECIPIENT);
    if ("role".equals(type) && recipient != null && !StepInputs.isExpression(recipient)) {
      boolean known =
          ProcessStepMail.OWNER.equals(recipient)
              || Arrays.stream(Role.values()).anyMatch(role -> role.name().equals(recipient));
      if (!known) {
        problems.add(
            "recipient '"
                + recipient
                + "' is no role; one of OWNER, "
                + Arrays.stream(Role.values()).map(Role::name).toList());
      }
    }
    String template = values.get(MAIL_TEMPLATE);
    if (template != null
        && !StepInputs.isExpression(template)
        && !ProcessStepMail.TEMPLATES.contains(template)) {
      problems.add(
          "mailTemplate '"
              + template
              + "' is none of "
              + ProcessStepMail.TEMPLATES.stream().sorted().toList());
    }
    String subject = values.get(SUBJECT);
    if (subject != null && subject.length() > MAX_SUBJECT) {
      problems.add("subject is longer than " + MAX_SUBJECT + " characters");
    }
    String message = values.get(MESSAGE);
    if (message != null && message.length() > MAX_MESSAGE) {
      problems.add("message is longer than " + MAX_MESSAGE + " characters");
    }
    return problems;
  }
}

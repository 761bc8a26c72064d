package io.contractflow.notification;

import java.util.Set;
import java.util.UUID;

/**
 * A process step asks for mail about a contract (the "Notify by mail" element template): to one
 * person, the members of a group, or the holders of a role, rendered with one of the {@link
 * #TEMPLATES}. Published by the step in its own transaction; the mails follow through the outbox
 * once it commits.
 *
 * @param recipientType {@code person} (a user id), {@code group} (a group id) or {@code role} (a
 *     role's name, {@code REQUESTER} ... {@code AUDITOR}, or {@code OWNER} for the contract's
 *     owner)
 * @param template which mail: {@code process-step} (the subject as headline and the message) or
 *     {@code contract-update} (the owner's contract update, the message as its note)
 * @param occurrence what makes this request unique (the step's activity instance)
 */
public record ProcessStepMail(
    UUID contractId,
    String recipientType,
    String recipient,
    String template,
    String subject,
    String message,
    String occurrence) {

  /** The mail templates a process step may use. */
  public static final Set<String> TEMPLATES = Set.of("process-step", "contract-update");

  /** The kinds of recipient. */
  public static final Set<String> RECIPIENT_TYPES = Set.of("person", "group", "role");

  /** The contract's owner, as a role. */
  public static final String OWNER = "OWNER";
}

package io.contractflow.workflow.steps;

import java.util.List;

/**
 * The steps of the element templates without the services they call, for checking models outside
 * the running platform (the designer's local check, see docs/process-design.md): only their {@link
 * TemplatedStep#check} may be used.
 */
public final class StepsForChecks {

  private StepsForChecks() {}

  public static List<TemplatedStep> all(WebhookProperties webhooks) {
    return List.of(
        new SetContractStatus(null),
        new NotifyByMail(null),
        new RecordAuditEntry(null),
        new CallWebhook(webhooks, null, null, null),
        new SetDueDate(),
        new CreateObligation(null, null));
  }
}

package io.contractflow.workflow.signing;

import io.contractflow.signature.SigningService;
import io.contractflow.workflow.ProcessVariables;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Finish sending": completes the send at a vendor that prepares the envelope on its own time. Sets
 * {@value SigningVariables#SENT}; while the vendor is still processing, {@value
 * SigningVariables#RECHECK_IN} is when the model's timer looks again (growing waits, {@link
 * #RECHECKS}), so no job thread waits for the vendor. After the last wait the step fails (its timer
 * job's retries, then an incident in Cockpit).
 */
@Component("finishSending")
class FinishSending implements JavaDelegate {

  /**
   * The waits between looks at a vendor still processing the document: about half an hour in all.
   */
  static final List<Duration> RECHECKS =
      List.of(
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(15));

  private final SigningService signing;

  FinishSending(SigningService signing) {
    this.signing = signing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID requestId =
        UUID.fromString(ProcessVariables.string(execution, SigningVariables.REQUEST_ID));
    boolean sent = signing.finishSending(requestId);
    if (!sent) {
      Object counted = execution.getVariable(SigningVariables.SEND_CHECKS);
      int checks = counted instanceof Integer n ? n : 0;
      if (checks >= RECHECKS.size()) {
        throw new IllegalStateException(
            "The vendor was still processing signing request "
                + requestId
                + " after "
                + checks
                + " looks; it is asked again when the job is retried");
      }
      execution.setVariable(SigningVariables.SEND_CHECKS, checks + 1);
      execution.setVariable(SigningVariables.RECHECK_IN, RECHECKS.get(checks).toString());
    }
    execution.setVariable(SigningVariables.SENT, sent);
  }
}

package io.contractflow.workflow.signing;

import io.contractflow.signature.SigningService;
import io.contractflow.workflow.Variables;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Finish sending": completes the send at a vendor that prepares the envelope on its own time. Sets
 * {@value #SENT}; while the vendor is still processing, {@value #RECHECK_IN} is when the model's timer looks again
 * (growing waits, {@link #RECHECKS}), so no job thread waits for the vendor. After the last wait the step fails (its
 * timer job's retries, then an incident in Cockpit).
 */
@Component("finishSending")
class FinishSending implements JavaDelegate {

  static final String SENT = "signingSent";
  static final String RECHECK_IN = "signingRecheckIn";
  static final String CHECKS = "signingSendChecks";
  /** The waits between looks at a vendor still processing the document: about half an hour in all. */
  static final List<Duration> RECHECKS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
      Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(10), Duration.ofMinutes(15));

  private final SigningService signing;

  FinishSending(SigningService signing) {
    this.signing = signing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID requestId = UUID.fromString(Variables.string(execution, SigningSteps.REQUEST_ID));
    boolean sent = signing.finishSending(requestId);
    if (!sent) {
      Object counted = execution.getVariable(CHECKS);
      int checks = counted instanceof Integer n ? n : 0;
      if (checks >= RECHECKS.size()) {
        throw new IllegalStateException("The vendor was still processing signing request " + requestId + " after "
            + checks + " looks; it is asked again when the job is retried");
      }
      execution.setVariable(CHECKS, checks + 1);
      execution.setVariable(RECHECK_IN, RECHECKS.get(checks).toString());
    }
    execution.setVariable(SENT, sent);
  }
}

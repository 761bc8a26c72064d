package io.contractflow.workflow.signing;

import io.contractflow.signature.SigningCompleted;
import io.contractflow.signature.SigningDeclined;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the signing phase what the signers did, inside the transaction that recorded it: the
 * message reaches only the process waiting for that very request, so a late event of an older
 * request changes nothing.
 */
@Component
class SigningMessages {

  private static final Logger log = LoggerFactory.getLogger(SigningMessages.class);

  private final RuntimeService runtime;

  SigningMessages(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @EventListener
  void onCompleted(SigningCompleted event) {
    correlate(
        SigningVariables.MESSAGE_COMPLETED,
        event.contractId().toString(),
        event.requestId().toString());
  }

  @EventListener
  void onDeclined(SigningDeclined event) {
    runtime
        .createMessageCorrelation(SigningVariables.MESSAGE_DECLINED)
        .processInstanceBusinessKey(event.contractId().toString())
        .processInstanceVariableEquals(SigningVariables.REQUEST_ID, event.requestId().toString())
        .setVariable(SigningVariables.DECLINED_BY, event.signerName())
        .setVariable(SigningVariables.DECLINE_REASON, event.reason())
        .correlateAllWithResult();
  }

  private void correlate(String message, String contractId, String requestId) {
    int reached =
        runtime
            .createMessageCorrelation(message)
            .processInstanceBusinessKey(contractId)
            .processInstanceVariableEquals(SigningVariables.REQUEST_ID, requestId)
            .correlateAllWithResult()
            .size();
    if (reached == 0) {
      log.warn(
          "{} for contract {} (request {}) reached no waiting process",
          message,
          contractId,
          requestId);
    }
  }
}

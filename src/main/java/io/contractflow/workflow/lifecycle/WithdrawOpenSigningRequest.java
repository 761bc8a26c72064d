package io.contractflow.workflow.lifecycle;

import io.contractflow.signature.SigningService;
import io.contractflow.signature.SigningStatus;
import io.contractflow.workflow.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Withdraw open signing request" (the lifecycle's cancellation): the contract was cancelled; an
 * open signing request's links stop working. The bean keeps the name the deployed models call it
 * by, {@code withdrawSigningRequest}.
 */
@Component("withdrawSigningRequest")
class WithdrawOpenSigningRequest implements JavaDelegate {

  private final SigningService signing;

  WithdrawOpenSigningRequest(SigningService signing) {
    this.signing = signing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    signing
        .latest(ProcessVariables.contractId(execution))
        .filter(request -> request.status() == SigningStatus.OPEN)
        .ifPresent(request -> signing.cancel(request.requestId(), "The contract was cancelled"));
  }
}

package io.contractflow.workflow.signing;

import io.contractflow.signature.SigningService;
import io.contractflow.workflow.ProcessVariables;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Expire signing request": nobody finished signing in time; the request's links stop working. */
@Component("expireSigningRequest")
class ExpireSigningRequest implements JavaDelegate {

  private final SigningService signing;

  ExpireSigningRequest(SigningService signing) {
    this.signing = signing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    signing.expire(
        UUID.fromString(ProcessVariables.string(execution, SigningVariables.REQUEST_ID)));
  }
}

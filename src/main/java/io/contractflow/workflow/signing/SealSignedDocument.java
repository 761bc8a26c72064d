package io.contractflow.workflow.signing;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.signature.SigningService;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Seal signed document": certificate of completion plus PAdES seal, stored as the current version;
 * safe to retry (recorded once per sealed version).
 */
@Component("sealSignedDocument")
class SealSignedDocument implements JavaDelegate {

  private final SigningService signing;
  private final AuditTrail audit;

  SealSignedDocument(SigningService signing, AuditTrail audit) {
    this.signing = signing;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID requestId =
        UUID.fromString(ProcessVariables.string(execution, SigningVariables.REQUEST_ID));
    UUID versionId = signing.seal(requestId);
    String sealed = ProcessVariables.string(execution, SigningVariables.SIGNED_DOCUMENT_VERSION_ID);
    if (!versionId.toString().equals(sealed)) {
      execution.setVariable(SigningVariables.SIGNED_DOCUMENT_VERSION_ID, versionId.toString());
      audit.record(
          ProcessVariables.contractId(execution),
          Actors.SYSTEM,
          AuditKinds.SIGNING,
          "All signed: the document was sealed with a certificate of completion and stored as the current version",
          Map.of("requestId", requestId, "documentVersionId", versionId));
    }
  }
}

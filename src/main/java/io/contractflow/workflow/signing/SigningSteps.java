package io.contractflow.workflow.signing;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.signature.SigningService;
import io.contractflow.signature.SigningStatus;
import io.contractflow.signature.SigningView;
import io.contractflow.workflow.Variables;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of the signing phase, each a bean named after its task. The signature provider (the built-in
 * signer, later a vendor) is reached only through {@link SigningService}.
 */
@Configuration(proxyBeanMethods = false)
class SigningSteps {

  static final String REQUEST_ID = "signingRequestId";

  /** "Send for signature": SIGNING, and a signing request whose expiry the process waits for. */
  @Bean
  JavaDelegate sendForSignature(ContractTransitions transitions, SigningService signing, AuditTrail audit) {
    return execution -> {
      UUID contractId = Variables.contractId(execution);
      transitions.moveTo(contractId, ContractStatus.SIGNING, Variables.SYSTEM, "sent for signature");
      UUID requestId = signing.send(contractId, Variables.SYSTEM);
      SigningView request = signing.status(requestId);
      execution.setVariable(REQUEST_ID, requestId.toString());
      execution.setVariable("signingExpiresAt", Date.from(request.expiresAt()));
      List<String> signers = request.signers().stream().map(s -> s.name() + " <" + s.email() + ">").toList();
      audit.record(contractId, Variables.SYSTEM, AuditKinds.SIGNING, "Sent for signature (" + request.mode().name()
          .toLowerCase() + ") to " + String.join(", ", signers), Map.of("requestId", requestId,
          "provider", request.provider(), "document", request.documentFileName(),
          "documentSha256", request.documentSha256(), "signers", signers, "expiresAt", request.expiresAt()));
    };
  }

  /** "Seal signed document": certificate of completion plus PAdES seal, stored as the current version. */
  @Bean
  JavaDelegate sealSignedDocument(SigningService signing, AuditTrail audit) {
    return execution -> {
      UUID requestId = UUID.fromString(Variables.string(execution, REQUEST_ID));
      UUID versionId = signing.seal(requestId);
      if (!versionId.toString().equals(Variables.string(execution, "signedDocumentVersionId"))) {
        execution.setVariable("signedDocumentVersionId", versionId.toString());
        audit.record(Variables.contractId(execution), Variables.SYSTEM, AuditKinds.SIGNING,
            "All signed: the document was sealed with a certificate of completion and stored as the current version",
            Map.of("requestId", requestId, "documentVersionId", versionId));
      }
    };
  }

  /** "Expire signing request": the links stop working. */
  @Bean
  JavaDelegate expireSigningRequest(SigningService signing) {
    return execution -> signing.expire(UUID.fromString(Variables.string(execution, REQUEST_ID)));
  }

  /** "Withdraw open signing request": the contract was cancelled; an open request's links stop working. */
  @Bean
  JavaDelegate withdrawSigningRequest(SigningService signing) {
    return execution -> signing.latest(Variables.contractId(execution))
        .filter(request -> request.status() == SigningStatus.OPEN)
        .ifPresent(request -> signing.cancel(request.requestId(), "The contract was cancelled"));
  }
}

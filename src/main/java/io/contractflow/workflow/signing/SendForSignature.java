package io.contractflow.workflow.signing;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.signature.SigningService;
import io.contractflow.signature.SigningView;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send for signature": the contract goes to SIGNING, and a signing request goes out whose expiry
 * the phase waits for. The signature provider (the built-in signer or a vendor) is reached only
 * through {@link SigningService}.
 */
@Component("sendForSignature")
class SendForSignature implements JavaDelegate {

  private final ContractTransitions transitions;
  private final SigningService signing;
  private final AuditTrail audit;

  SendForSignature(ContractTransitions transitions, SigningService signing, AuditTrail audit) {
    this.transitions = transitions;
    this.signing = signing;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID contractId = ProcessVariables.contractId(execution);
    transitions.moveTo(contractId, ContractStatus.SIGNING, Actors.SYSTEM, "sent for signature");
    UUID requestId = signing.send(contractId, Actors.SYSTEM);
    SigningView request = signing.status(requestId);
    execution.setVariable(SigningVariables.REQUEST_ID, requestId.toString());
    execution.setVariable(SigningVariables.EXPIRES_AT, Date.from(request.expiresAt()));
    List<String> signers =
        request.signers().stream().map(s -> s.name() + " <" + s.email() + ">").toList();
    audit.record(
        contractId,
        Actors.SYSTEM,
        AuditKinds.SIGNING,
        "Sent for signature ("
            + request.mode().name().toLowerCase()
            + ") to "
            + String.join(", ", signers),
        Map.of(
            "requestId",
            requestId,
            "provider",
            request.provider(),
            "document",
            request.documentFileName(),
            "documentSha256",
            request.documentSha256(),
            "signers",
            signers,
            "expiresAt",
            request.expiresAt()));
  }
}

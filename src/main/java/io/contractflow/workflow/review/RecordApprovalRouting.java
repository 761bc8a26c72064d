package io.contractflow.workflow.review;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.contract.ContractTransitions;
import io.contractflow.workflow.Actors;
import io.contractflow.workflow.ProcessVariables;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record approval routing": writes to the contract's history which rules of the approval matrix
 * fired, on which inputs, and the groups they chose, so the contract shows why it went to whom; the
 * summary also goes on the review form ({@code approvalRouting}). The chosen groups may read the
 * contract from now on.
 */
@Component("recordApprovalRouting")
class RecordApprovalRouting implements JavaDelegate {

  private final ApprovalRouting routing;
  private final AuditTrail audit;
  private final ContractTransitions contracts;

  RecordApprovalRouting(ApprovalRouting routing, AuditTrail audit, ContractTransitions contracts) {
    this.routing = routing;
    this.audit = audit;
    this.contracts = contracts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApprovalRouting.Routing routed =
        routing
            .in(execution.getProcessInstanceId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The approval matrix was not evaluated in this review"));
    UUID contractId = ProcessVariables.contractId(execution);
    execution.setVariable(ReviewVariables.APPROVAL_ROUTING, routed.summary());
    audit.record(contractId, Actors.SYSTEM, AuditKinds.DECISION, routed.summary(), routed.asMap());
    routed
        .approverGroups()
        .forEach(group -> contracts.shareWithGroupForReading(contractId, group, Actors.SYSTEM));
  }
}

package io.contractflow.workflow.api;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.audit.Summaries;
import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractStatus;
import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.NotPermittedException;
import io.contractflow.workflow.drafting.DraftingVariables;
import io.contractflow.workflow.obligation.ObligationVariables;
import io.contractflow.workflow.review.ApprovalRouting;
import io.contractflow.workflow.term.TermVariables;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's lifecycle seen from the API: where it stands, submitting a draft, ending an active
 * contract early. Every call checks the caller against the contract first.
 */
@Service
public class ContractProcess {

  static final String REVIEW_PROCESS = "contract-review";

  private final LifecycleTasks tasks;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final ApprovalRouting routing;
  private final AuditTrail audit;

  ContractProcess(
      LifecycleTasks tasks,
      RuntimeService runtime,
      HistoryService history,
      ApprovalRouting routing,
      AuditTrail audit) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.history = history;
    this.routing = routing;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public ProcessView view(CurrentUser user, UUID contractId) {
    return view(tasks.contract(user, contractId));
  }

  /**
   * Where the contract, which the caller was found to be allowed to read, stands. Its process
   * instances (running and ended, with the instance that calls each) come from one history query:
   * the phase is the innermost running one, the routing that of the latest review.
   */
  private ProcessView view(ContractResponse contract) {
    List<HistoricProcessInstance> instances =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(contract.id().toString())
            .orderByProcessInstanceStartTime()
            .desc()
            .list()
            .stream()
            // an obligation's instalments run beside the lifecycle, not as a phase of it
            .filter(
                instance ->
                    !ObligationVariables.PROCESS_KEY.equals(instance.getProcessDefinitionKey()))
            .toList();
    List<HistoricProcessInstance> running =
        instances.stream()
            .filter(instance -> HistoricProcessInstance.STATE_ACTIVE.equals(instance.getState()))
            .toList();
    Set<String> calling =
        running.stream()
            .map(HistoricProcessInstance::getSuperProcessInstanceId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    // the innermost running instance is the phase: the one that no other running instance of this
    // contract calls
    HistoricProcessInstance phase =
        running.stream()
            .filter(instance -> !calling.contains(instance.getId()))
            .findFirst()
            .orElse(null);
    String phaseName = phase == null ? "Ended" : tasks.phase(phase.getProcessDefinitionId());
    List<String> waitingAt =
        phase == null
            ? List.of()
            : history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(phase.getId())
                .unfinished()
                .list()
                .stream()
                .filter(a -> !"multiInstanceBody".equals(a.getActivityType()))
                .map(HistoricActivityInstance::getActivityName)
                .filter(n -> n != null)
                .distinct()
                .toList();
    Map<String, Object> routed =
        instances.stream()
            .filter(instance -> REVIEW_PROCESS.equals(instance.getProcessDefinitionKey()))
            .findFirst()
            .map(HistoricProcessInstance::getId)
            .flatMap(routing::in)
            .map(ApprovalRouting.Routing::asMap)
            .orElse(null);
    return new ProcessView(
        contract.status().name(),
        phaseName,
        waitingAt,
        tasks.ofReadableContract(contract.id()),
        routed);
  }

  /**
   * The owner (or a contract admin) submits the draft: completes its "Submit draft for review"
   * task. Returns where the contract stands then, from the contract checked once.
   */
  @Transactional
  public ProcessView submit(CurrentUser user, UUID contractId, SubmitRequest request) {
    ContractResponse contract = ownedOrAdministered(user, contractId, "submit it for review");
    if (contract.status() != ContractStatus.DRAFT) {
      throw new ConflictException(
          "Only drafts can be submitted; this contract is " + contract.status());
    }
    String taskId =
        tasks
            .openTask(contractId, DraftingVariables.ROLE_SUBMIT_DRAFT)
            .orElseThrow(() -> new ConflictException("The draft is not waiting for submission"));
    tasks.complete(
        user,
        taskId,
        new CompleteTaskRequest(
            null,
            request == null ? null : request.comment(),
            request != null && Boolean.TRUE.equals(request.nonStandardTerms())));
    return view(contract);
  }

  /**
   * Ends an active contract now; the lifecycle records it as terminated. Returns where the contract
   * stands then.
   */
  @Transactional
  public ProcessView terminate(CurrentUser user, UUID contractId, TerminateRequest request) {
    ContractResponse contract = ownedOrAdministered(user, contractId, "terminate it");
    if (contract.status() != ContractStatus.ACTIVE) {
      throw new ConflictException(
          "Only active contracts can be terminated; this contract is " + contract.status());
    }
    var result =
        runtime
            .createMessageCorrelation(TermVariables.MESSAGE_TERMINATED)
            .processInstanceBusinessKey(contractId.toString())
            .setVariable(TermVariables.TERMINATED_BY, user.username())
            .setVariable(TermVariables.TERMINATION_REASON, request.reason().strip())
            .correlateAllWithResult();
    if (result.isEmpty()) {
      throw new ConflictException(
          "The contract's lifecycle is not waiting for a termination right now; try again");
    }
    // the status change follows in a step of its own; the request is recorded with the correlation
    // that carries it
    audit.record(
        contractId,
        user.username(),
        AuditKinds.TERMINATION_REQUESTED,
        Summaries.fit(
            "Termination requested by " + user.username() + ": " + request.reason().strip()),
        Map.of("reason", request.reason().strip()));
    return view(contract);
  }

  private ContractResponse ownedOrAdministered(CurrentUser user, UUID contractId, String action) {
    ContractResponse contract = tasks.contract(user, contractId);
    if (user.isReadOnly() || !(user.isAdmin() || contract.owner().equals(user.username()))) {
      throw new NotPermittedException("Only the owner or a contract admin can " + action);
    }
    return contract;
  }
}

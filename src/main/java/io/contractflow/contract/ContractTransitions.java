package io.contractflow.contract;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a contract along its lifecycle for the steps the lifecycle takes (a BPMN service task,
 * never a client). It joins the caller's transaction, so a status change commits with the process
 * step that causes it or not at all.
 */
@Service
public class ContractTransitions {

  private final ContractRepository contracts;
  private final ContractShareRepository shares;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ContractTransitions(
      ContractRepository contracts,
      ContractShareRepository shares,
      ApplicationEventPublisher events,
      Clock clock) {
    this.contracts = contracts;
    this.shares = shares;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Lets a group read the contract because the lifecycle asks it to act on it (an approver group
   * reviewing it): a VIEW share, unless the group already has one (an EDIT share stays EDIT).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void shareWithGroupForReading(UUID contractId, String groupId, String grantedBy) {
    if (shares
        .findByContractIdAndPrincipalTypeAndPrincipalId(
            contractId, ContractShare.PrincipalType.GROUP, groupId)
        .isEmpty()) {
      ContractShare share =
          new ContractShare(contractId, ContractShare.PrincipalType.GROUP, groupId);
      share.grant(ContractShare.Permission.VIEW, grantedBy, clock.instant());
      shares.saveAndFlush(share);
      events.publishEvent(
          new ContractSharesChanged(
              contractId,
              share.principalType().name(),
              groupId,
              share.permission().name(),
              null,
              grantedBy));
    }
  }

  /**
   * Moves the contract to {@code next}; a contract already there is left alone (a retried step
   * changes nothing).
   *
   * @throws IllegalStateException if the status table does not allow the move, or the contract does
   *     not exist
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ContractResponse moveTo(
      UUID contractId, ContractStatus next, String actor, String reason) {
    Contract contract = find(contractId);
    ContractStatus from = contract.getStatus();
    if (from == next) {
      return ContractResponse.of(contract);
    }
    Instant now = clock.instant();
    contract.moveTo(next, now);
    Contract saved = contracts.saveAndFlush(contract);
    events.publishEvent(
        new ContractStatusChanged(
            contractId, saved.getReference(), from, next, actor, reason, now));
    return ContractResponse.of(saved);
  }

  /**
   * Renews the contract for its renewal term, once per term: a retried step that finds the term
   * already starting at {@code termEndingOn + 1} leaves it alone.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ContractResponse renew(UUID contractId, java.time.LocalDate termEndingOn) {
    Contract contract = find(contractId);
    if (termEndingOn.equals(contract.getEndDate())) {
      contract.renew(clock.instant());
      contracts.saveAndFlush(contract);
      events.publishEvent(new ContractEdited(contractId, "system"));
    }
    return ContractResponse.of(contract);
  }

  /** The contract as the API shows it, for a lifecycle step (no caller to check). */
  @Transactional(readOnly = true)
  public ContractResponse current(UUID contractId) {
    return ContractResponse.of(find(contractId));
  }

  private Contract find(UUID contractId) {
    return contracts
        .findById(contractId)
        .orElseThrow(() -> new IllegalStateException("No contract " + contractId));
  }
}

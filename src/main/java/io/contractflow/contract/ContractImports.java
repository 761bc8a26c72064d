package io.contractflow.contract;

import io.contractflow.counterparty.Counterparty;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts brought in by a bulk import, for the import's steps (no caller to check: the import
 * checked who may import when it was uploaded). An imported contract is a draft until a person has
 * verified its facts; then it joins the lifecycle at its active term, or expires at once. Its facts
 * pass the same checks as a client's, and every change is published like a client's, so the audit
 * trail and search see it.
 */
@Service
public class ContractImports {

  private final ContractRepository contracts;
  private final ContractService service;
  private final ContractReferences references;
  private final Validator validator;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ContractImports(
      ContractRepository contracts,
      ContractService service,
      ContractReferences references,
      Validator validator,
      ApplicationEventPublisher events,
      Clock clock) {
    this.contracts = contracts;
    this.service = service;
    this.references = references;
    this.validator = validator;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A new imported draft with the given id, owned by {@code owner}; an id already taken is returned
   * as it is (a retried step creates nothing twice).
   *
   * @throws InvalidInputException if the facts do not pass a client's checks
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ContractResponse create(UUID id, String owner, ContractRequest request) {
    var existing = contracts.findById(id);
    if (existing.isPresent()) {
      return ContractResponse.of(existing.get());
    }
    ContractDetails details = checked(request, Map.of());
    Counterparty counterparty = service.counterparty(details);
    Instant now = clock.instant();
    Contract contract = Contract.imported(id, references.next(), owner, now);
    contract.describe(details, counterparty, now);
    Contract saved = contracts.saveAndFlush(contract);
    events.publishEvent(
        new ContractCreated(saved.getId(), saved.getReference(), saved.getOwner(), true));
    return ContractResponse.of(saved);
  }

  /** The facts a person verified replace the imported draft's; the changes go to its trail. */
  @Transactional(propagation = Propagation.MANDATORY)
  public ContractResponse correct(UUID id, ContractRequest request, String by) {
    Contract contract = importedDraft(id);
    ContractDetails details = checked(request, contract.getCustomFields());
    ContractResponse before = ContractResponse.of(contract);
    contract.describe(details, service.counterparty(details), clock.instant());
    Contract saved = contracts.saveAndFlush(contract);
    ContractResponse after = ContractResponse.of(saved);
    var changes = ContractService.changes(before, after).asMap();
    if (!changes.isEmpty()) {
      events.publishEvent(new ContractEdited(saved.getId(), by, changes));
    }
    return after;
  }

  /**
   * The verified imported draft joins the lifecycle: ACTIVE, or EXPIRED when its term has run out.
   * A contract already there is left alone (a retried step changes nothing).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ContractResponse join(UUID id, ContractStatus at, String actor, String reason) {
    Contract contract =
        contracts.findById(id).orElseThrow(() -> new IllegalStateException("No contract " + id));
    if (contract.getStatus() == at) {
      return ContractResponse.of(contract);
    }
    ContractStatus from = contract.getStatus();
    Instant now = clock.instant();
    contract.joinAt(at, now);
    Contract saved = contracts.saveAndFlush(contract);
    events.publishEvent(
        new ContractStatusChanged(id, saved.getReference(), from, at, actor, reason, now));
    return ContractResponse.of(saved);
  }

  private Contract importedDraft(UUID id) {
    Contract contract =
        contracts.findById(id).orElseThrow(() -> new IllegalStateException("No contract " + id));
    if (!contract.isImported() || contract.getStatus() != ContractStatus.DRAFT) {
      throw new IllegalStateException(
          "Contract " + contract.getReference() + " is no imported draft");
    }
    return contract;
  }

  /**
   * Checks the facts as a client's are checked, without a transaction (a refusal here marks none
   * for rollback).
   *
   * @throws InvalidInputException naming every fault
   */
  public void check(ContractRequest request) {
    checked(request, Map.of());
  }

  /**
   * As a client's, except that a required custom field may stay empty: the imported contract is
   * signed already, and what its file does not say a person adds.
   */
  private ContractDetails checked(ContractRequest request, Map<String, Object> current) {
    Set<ConstraintViolation<ContractRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      List<FieldError> errors =
          violations.stream()
              .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
              .sorted(Comparator.comparing(FieldError::field))
              .toList();
      throw new InvalidInputException(
          "validation",
          errors.size() == 1
              ? "Field '" + errors.get(0).field() + "' " + errors.get(0).message()
              : errors.size() + " fields are invalid",
          errors);
    }
    return service.details(request, current, false);
  }
}

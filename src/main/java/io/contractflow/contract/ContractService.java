package io.contractflow.contract;

import io.contractflow.counterparty.Counterparty;
import io.contractflow.counterparty.CounterpartyService;
import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.audit.FieldChanges;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import io.contractflow.platform.web.ETags;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, edits and cancels contracts for a caller, checking on every call that they may
 * touch that contract. Every refusal happens before anything is written, and each call is one
 * transaction with the lifecycle step it triggers, so a refused or failed call changes nothing.
 */
@Service
public class ContractService {

  private final ContractRepository contracts;
  private final ContractReferences references;
  private final ContractPages pages;
  private final ContractAccessPolicy access;
  private final CounterpartyService counterparties;
  private final CustomFieldRules customFields;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ContractService(
      ContractRepository contracts,
      ContractReferences references,
      ContractPages pages,
      ContractAccessPolicy access,
      CounterpartyService counterparties,
      CustomFieldRules customFields,
      ApplicationEventPublisher events,
      Clock clock) {
    this.contracts = contracts;
    this.references = references;
    this.pages = pages;
    this.access = access;
    this.counterparties = counterparties;
    this.customFields = customFields;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  ContractResponse create(CurrentUser user, ContractRequest request) {
    if (!access.canCreate(user)) {
      throw new NotPermittedException("Only requesters and contract admins create contracts");
    }
    ContractDetails details = details(request, Map.of(), true);
    Counterparty counterparty = counterparty(details);
    Instant now = clock.instant();
    Contract contract = new Contract(UUID.randomUUID(), references.next(), user.username(), now);
    contract.describe(details, counterparty, now);
    Contract saved = contracts.saveAndFlush(contract);
    events.publishEvent(new ContractCreated(saved.getId(), saved.getReference(), saved.getOwner()));
    return ContractResponse.of(saved);
  }

  @Transactional(readOnly = true)
  ContractResponse get(CurrentUser user, UUID id) {
    // the contract, its counterparty and its tags in one statement
    return ContractResponse.of(readable(user, id, contracts.findWithDetailsById(id)));
  }

  @Transactional(readOnly = true)
  Page<ContractResponse> list(CurrentUser user, ContractFilter filter, Pageable pageable) {
    return pages.find(user, filter, pageable).map(ContractResponse::of);
  }

  @Transactional
  ContractResponse update(CurrentUser user, UUID id, String ifMatch, ContractRequest request) {
    Contract contract = readable(user, id);
    if (!access.canEdit(user, contract)) {
      throw new NotPermittedException("You may read this contract but not edit it");
    }
    ETags.requireMatch(ifMatch, contract.getVersion());
    if (!contract.getStatus().isEditable()) {
      throw new ConflictException(
          "A " + contract.getStatus() + " contract cannot be edited; only drafts can");
    }
    ContractDetails details = details(request, contract.getCustomFields(), true);
    ContractResponse before = ContractResponse.of(contract);
    contract.describe(details, counterparty(details), clock.instant());
    Contract saved = contracts.saveAndFlush(contract);
    ContractResponse after = ContractResponse.of(saved);
    events.publishEvent(
        new ContractEdited(saved.getId(), user.username(), changes(before, after).asMap()));
    return after;
  }

  @Transactional
  ContractResponse cancel(CurrentUser user, UUID id, String ifMatch) {
    Contract contract = readable(user, id);
    if (!access.canManage(user, contract)) {
      throw new NotPermittedException(
          "Only the owner or a contract admin can cancel this contract");
    }
    if (ifMatch != null) {
      ETags.requireMatch(ifMatch, contract.getVersion());
    }
    ContractStatus from = contract.getStatus();
    if (!from.canMoveTo(ContractStatus.CANCELLED)) {
      throw new ConflictException(
          "A "
              + from
              + " contract cannot be cancelled; only contracts that are not yet "
              + "active can (an active one is terminated)");
    }
    Instant now = clock.instant();
    contract.moveTo(ContractStatus.CANCELLED, now);
    Contract saved = contracts.saveAndFlush(contract);
    events.publishEvent(
        new ContractStatusChanged(
            saved.getId(),
            saved.getReference(),
            from,
            ContractStatus.CANCELLED,
            user.username(),
            "cancelled by " + user.username(),
            now));
    events.publishEvent(new ContractCancelled(saved.getId(), user.username()));
    return ContractResponse.of(saved);
  }

  /** The facts a client edits, each with its old and new value where it changed. */
  static FieldChanges changes(ContractResponse before, ContractResponse after) {
    return new FieldChanges()
        .compare("title", before.title(), after.title())
        .compare("description", before.description(), after.description())
        .compare("type", before.type(), after.type())
        .compare("counterparty", before.counterparty(), after.counterparty())
        .compare("value.amount", before.value().amount(), after.value().amount())
        .compare("value.currency", before.value().currency(), after.value().currency())
        .compare("startDate", before.startDate(), after.startDate())
        .compare("endDate", before.endDate(), after.endDate())
        .compare("renewal", before.renewal(), after.renewal())
        .compare("tags", before.tags(), after.tags())
        .compareEach("customFields.", before.customFields(), after.customFields());
  }

  /**
   * The contract if the caller may read it; otherwise 404, so that ids of others' contracts reveal
   * nothing.
   */
  Contract readable(CurrentUser user, UUID id) {
    return readable(user, id, contracts.findById(id));
  }

  private Contract readable(CurrentUser user, UUID id, Optional<Contract> found) {
    Contract contract = found.orElseThrow(() -> NotFoundException.of("Contract", id));
    if (!access.canRead(user, contract)) {
      throw NotFoundException.of("Contract", id);
    }
    return contract;
  }

  /**
   * Checks the rules that span fields and the custom fields of the contract's type, so that nothing
   * is stored from an inconsistent request; every fault is named in one 400.
   *
   * @param current the custom field values stored now (kept when the request leaves them out)
   * @param requireAll whether a required custom field must have a value
   */
  ContractDetails details(ContractRequest r, Map<String, Object> current, boolean requireAll) {
    List<FieldError> errors = new ArrayList<>();
    if (r.endDate() != null && r.endDate().isBefore(r.startDate())) {
      errors.add(new FieldError("endDate", "must not be before startDate"));
    }
    Currency currency = Currency.getInstance(r.value().currency());
    int digits = currency.getDefaultFractionDigits();
    if (digits >= 0 && r.value().amount().stripTrailingZeros().scale() > digits) {
      errors.add(
          new FieldError(
              "value.amount",
              "has more decimals than " + currency.getCurrencyCode() + " allows (" + digits + ")"));
    }
    ContractRequest.RenewalBody renewal =
        r.renewal() == null ? new ContractRequest.RenewalBody(false, null, null) : r.renewal();
    boolean autoRenew = Boolean.TRUE.equals(renewal.autoRenew());
    if (autoRenew && renewal.renewalTermMonths() == null) {
      errors.add(
          new FieldError("renewal.renewalTermMonths", "is required when the contract auto-renews"));
    }
    if (autoRenew && r.endDate() == null) {
      errors.add(new FieldError("endDate", "is required when the contract auto-renews"));
    }
    CustomFieldRules.Checked custom =
        customFields.check(r.type(), r.customFields(), current, requireAll);
    errors.addAll(custom.errors());
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          "validation",
          errors.size() == 1
              ? "Field '" + errors.get(0).field() + "' " + errors.get(0).message()
              : errors.size() + " fields are invalid",
          errors);
    }
    Set<String> tags = new TreeSet<>();
    if (r.tags() != null) {
      r.tags().forEach(tag -> tags.add(tag.trim().toLowerCase(Locale.ROOT)));
    }
    String description =
        r.description() == null || r.description().isBlank() ? null : r.description().strip();
    return new ContractDetails(
        r.title().strip(),
        description,
        r.type(),
        r.counterpartyId(),
        new Money(r.value().amount(), r.value().currency()),
        r.startDate(),
        r.endDate(),
        new RenewalTerms(autoRenew, renewal.renewalTermMonths(), renewal.noticePeriodDays()),
        tags,
        custom.values());
  }

  Counterparty counterparty(ContractDetails details) {
    return counterparties
        .find(details.counterpartyId())
        .orElseThrow(
            () ->
                InvalidInputException.field(
                    "counterpartyId", "does not name a known counterparty"));
  }
}

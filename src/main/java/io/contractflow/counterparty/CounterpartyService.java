package io.contractflow.counterparty;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.Role;
import io.contractflow.platform.audit.FieldChanges;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.error.NotPermittedException;
import io.contractflow.platform.web.ETags;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of counterparties. Every signed-in user may read it (a contract names one);
 * requesters and admins add entries, and the requester who adds one owns it. Its owner, those the
 * owner lets edit a contract that names it (see {@link CounterpartyDelegates}) and admins correct
 * it; everyone else gets 403. Only admins remove one, and only while no contract names it. A
 * correction is published as {@link CounterpartyChanged} in its transaction, so the live contracts
 * that name it record it with it.
 */
@Service
public class CounterpartyService {

  private final CounterpartyRepository repository;
  private final CounterpartyDelegates delegates;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CounterpartyService(
      CounterpartyRepository repository,
      CounterpartyDelegates delegates,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.delegates = delegates;
    this.events = events;
    this.clock = clock;
  }

  /** For other features: the counterparty with this id, if any. */
  @Transactional(readOnly = true)
  public Optional<Counterparty> find(UUID id) {
    return repository.findById(id);
  }

  /**
   * For a bulk import: the counterparty of this name (whatever its case), added for {@code owner}
   * if there is none yet. An imported contract names its other party but rarely an address: the
   * added entry has the placeholder {@link #UNKNOWN_CONTACT} for its owner to correct.
   */
  @Transactional
  public Counterparty findOrAdd(String name, String owner) {
    String trimmed = name.strip();
    return repository
        .findFirstByNameIgnoreCase(trimmed)
        .orElseGet(
            () -> {
              Counterparty added = new Counterparty(UUID.randomUUID(), owner, clock.instant());
              added.describe(trimmed, null, UNKNOWN_CONTACT, clock.instant());
              return repository.saveAndFlush(added);
            });
  }

  /** The contact address of a counterparty added by an import, until someone corrects it. */
  public static final String UNKNOWN_CONTACT = "unknown@example.invalid";

  @Transactional(readOnly = true)
  Page<Counterparty> list(String name, Pageable pageable) {
    return name == null || name.isBlank()
        ? repository.findAll(pageable)
        : repository.findByNameContainingIgnoreCase(name.trim(), pageable);
  }

  @Transactional(readOnly = true)
  Counterparty get(UUID id) {
    return repository.findById(id).orElseThrow(() -> NotFoundException.of("Counterparty", id));
  }

  @Transactional
  Counterparty create(CurrentUser user, CounterpartyRequest request) {
    requireWriter(user);
    String name = request.name().trim();
    if (repository.existsByNameIgnoreCase(name)) {
      throw new ConflictException("A counterparty named '" + name + "' already exists");
    }
    Counterparty counterparty =
        new Counterparty(UUID.randomUUID(), user.username(), clock.instant());
    counterparty.describe(
        name, blankToNull(request.contactName()), request.contactEmail().trim(), clock.instant());
    return repository.saveAndFlush(counterparty);
  }

  @Transactional
  Counterparty update(CurrentUser user, UUID id, String ifMatch, CounterpartyRequest request) {
    requireWriter(user);
    Counterparty counterparty = get(id);
    if (!mayCorrect(user, counterparty)) {
      throw new NotPermittedException(
          counterparty.getOwner() == null
              ? "Only contract admins correct this counterparty"
              : "Only its owner, those the owner lets edit a contract that names it, and contract admins correct this"
                  + " counterparty");
    }
    ETags.requireMatch(ifMatch, counterparty.getVersion());
    String name = request.name().trim();
    if (repository.existsByNameIgnoreCaseAndIdNot(name, id)) {
      throw new ConflictException("A counterparty named '" + name + "' already exists");
    }
    String contactName = blankToNull(request.contactName());
    String contactEmail = request.contactEmail().trim();
    FieldChanges changes =
        new FieldChanges()
            .compare("name", counterparty.getName(), name)
            .compare("contactName", counterparty.getContactName(), contactName)
            .compare("contactEmail", counterparty.getContactEmail(), contactEmail);
    counterparty.describe(name, contactName, contactEmail, clock.instant());
    Counterparty saved = repository.saveAndFlush(counterparty);
    events.publishEvent(
        new CounterpartyChanged(id, saved.getName(), user.username(), changes.asMap()));
    return saved;
  }

  @Transactional
  void delete(CurrentUser user, UUID id) {
    if (!user.isAdmin()) {
      throw new NotPermittedException("Only contract admins remove counterparties");
    }
    Counterparty counterparty = get(id);
    try {
      repository.delete(counterparty);
      repository.flush();
    } catch (DataIntegrityViolationException referenced) {
      throw new ConflictException("Contracts still name this counterparty; it cannot be removed");
    }
  }

  /** Its owner, those the owner lets edit a contract that names it, admins; never auditors. */
  private boolean mayCorrect(CurrentUser user, Counterparty counterparty) {
    if (user.isAdmin()) {
      return true;
    }
    String owner = counterparty.getOwner();
    return owner != null
        && !user.isReadOnly()
        && (owner.equals(user.username())
            || delegates.editsForOwner(user, counterparty.getId(), owner));
  }

  private static void requireWriter(CurrentUser user) {
    if (user.isReadOnly() || !(user.has(Role.REQUESTER) || user.isAdmin())) {
      throw new NotPermittedException(
          "Only requesters and contract admins maintain counterparties");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

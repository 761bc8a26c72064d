package io.contractflow.signature;

import io.contractflow.contract.ContractGuard;
import io.contractflow.contract.ContractResponse;
import io.contractflow.contract.ContractStatus;
import io.contractflow.counterparty.Counterparty;
import io.contractflow.counterparty.CounterpartyService;
import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signers of a contract: set by its owner (or an admin) until it goes to signing, else the
 * counterparty's contact signs alone. The owner, admins and auditors read them; the rest of those
 * who may read the contract get 403.
 */
@Service
class SignerPlans {

  /** Signers can be changed until the contract goes to signing. */
  static final Set<ContractStatus> CHANGEABLE =
      EnumSet.of(ContractStatus.DRAFT, ContractStatus.IN_REVIEW, ContractStatus.APPROVED);

  private final SigningPlanRepository plans;
  private final ContractGuard contracts;
  private final CounterpartyService counterparties;
  private final SignatureProviders providers;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SignerPlans(
      SigningPlanRepository plans,
      ContractGuard contracts,
      CounterpartyService counterparties,
      SignatureProviders providers,
      ApplicationEventPublisher events,
      Clock clock) {
    this.plans = plans;
    this.contracts = contracts;
    this.counterparties = counterparties;
    this.providers = providers;
    this.events = events;
    this.clock = clock;
  }

  /** A planned signer, whichever way they were chosen. */
  record Planned(String name, String email, int order) {}

  /**
   * The signers, mode and provider a new request gets ({@code provider} null: the platform's
   * default).
   */
  record Plan(SigningMode mode, List<Planned> signers, boolean configured, String provider) {}

  @Transactional(readOnly = true)
  SignersResponse get(CurrentUser user, UUID contractId) {
    ContractResponse contract = contracts.view(user, contractId);
    SigningAccess.requireReader(user, contract);
    return body(planFor(contract), contractId);
  }

  @Transactional
  SignersResponse put(CurrentUser user, UUID contractId, SignersRequest body) {
    ContractResponse contract = contracts.view(user, contractId);
    SigningAccess.requireManager(user, contract);
    if (!CHANGEABLE.contains(contract.status())) {
      throw new ConflictException(
          "The signers of a " + contract.status() + " contract cannot be changed any more");
    }
    String provider =
        body.provider() == null || body.provider().isBlank() ? null : body.provider().strip();
    if (provider != null && !providers.available().contains(provider)) {
      throw InvalidInputException.field(
          "provider",
          "is not an enabled signature provider here; one of "
              + String.join(", ", providers.available()));
    }
    Set<String> emails = new HashSet<>();
    List<SigningPlan.Entry> entries = new ArrayList<>();
    for (int i = 0; i < body.signers().size(); i++) {
      SignersRequest.Entry entry = body.signers().get(i);
      String email = entry.email().trim();
      if (!emails.add(email.toLowerCase(Locale.ROOT))) {
        throw InvalidInputException.field(
            "signers[" + i + "].email", "is already another signer's");
      }
      entries.add(new SigningPlan.Entry(entry.name().trim(), email, entry.order()));
    }
    SignersChanged.Signers before = signers(planOrNone(contract));
    SigningPlan plan = plans.findById(contractId).orElseGet(() -> new SigningPlan(contractId));
    plan.replace(body.mode(), entries, provider, user.username(), clock.instant());
    plans.saveAndFlush(plan);
    Plan after = planFor(contract);
    events.publishEvent(new SignersChanged(contractId, user.username(), before, signers(after)));
    return body(after, contractId);
  }

  /** The plan as it stands; null if no signers are set and the counterparty is gone. */
  private Plan planOrNone(ContractResponse contract) {
    try {
      return planFor(contract);
    } catch (SigningNotPossibleException none) {
      return null;
    }
  }

  private SignersChanged.Signers signers(Plan plan) {
    if (plan == null) {
      return new SignersChanged.Signers(null, null, List.of(), false);
    }
    return new SignersChanged.Signers(
        plan.mode().name(),
        plan.provider() == null ? providers.defaultName() : plan.provider(),
        plan.signers().stream()
            .map(p -> p.name() + " <" + p.email() + ">, order " + p.order())
            .toList(),
        plan.configured());
  }

  /**
   * For {@link SigningService#send}: the configured plan, else the counterparty's contact alone.
   */
  Plan planFor(ContractResponse contract) {
    return plans
        .findById(contract.id())
        .map(
            p ->
                new Plan(
                    p.getMode(),
                    p.getSigners().stream()
                        .map(e -> new Planned(e.name(), e.email(), e.order()))
                        .toList(),
                    true,
                    p.getProvider()))
        .orElseGet(
            () -> {
              Counterparty counterparty =
                  counterparties
                      .find(contract.counterparty().id())
                      .orElseThrow(
                          () ->
                              new SigningNotPossibleException(
                                  "Contract "
                                      + contract.reference()
                                      + " has no signers and its counterparty is gone: set the signers"));
              String name =
                  counterparty.getContactName() != null
                      ? counterparty.getContactName()
                      : counterparty.getName();
              return new Plan(
                  SigningMode.SEQUENTIAL,
                  List.of(new Planned(name, counterparty.getContactEmail(), 1)),
                  false,
                  null);
            });
  }

  private SignersResponse body(Plan plan, UUID contractId) {
    List<SignersRequest.Entry> entries =
        plan.signers().stream()
            .map(p -> new SignersRequest.Entry(p.name(), p.email(), p.order()))
            .toList();
    SigningPlan stored = plan.configured() ? plans.findById(contractId).orElse(null) : null;
    return new SignersResponse(
        plan.mode(),
        entries,
        plan.configured(),
        plan.provider() == null ? providers.defaultName() : plan.provider(),
        stored == null ? null : stored.getUpdatedBy(),
        stored == null ? null : stored.getUpdatedAt());
  }
}

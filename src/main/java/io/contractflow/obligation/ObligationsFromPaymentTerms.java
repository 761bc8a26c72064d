package io.contractflow.obligation;

import io.contractflow.contract.ContractGuard;
import io.contractflow.contract.ContractResponse;
import io.contractflow.document.CurrentDocument;
import io.contractflow.extraction.ExtractedFact;
import io.contractflow.extraction.FactExtractor;
import io.contractflow.extraction.FactField;
import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.ConflictException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment obligation a contract's payment terms imply, as the extractor reads them from its
 * current document (an imported contract's file, or an uploaded one): the counterparty owes the
 * contract's value to its owner's tracking,
 *
 * <ul>
 *   <li>{@code net N}: once, N days after the start (or after today, when that day has passed: the
 *       platform knows no invoice date);
 *   <li>a rhythm ({@code quarterly in advance}, {@code monthly in arrears}...): every period from
 *       the start (in advance) or from the end of the first period (in arrears) up to the end date,
 *       following renewals; dates already past are left out (an imported running contract was paid
 *       for them before); the value is spread evenly over the term's payments.
 * </ul>
 *
 * Added as any obligation (owner and admins, live contracts only, {@code OBLIGATION_ADDED} in the
 * trail), its title "Payment terms: ..." saying where it came from; once per contract.
 */
@Service
public class ObligationsFromPaymentTerms {

  static final String TITLE = "Payment terms: ";

  private final Obligations obligations;
  private final ContractGuard contracts;
  private final CurrentDocument documents;
  private final ObjectProvider<FactExtractor> extractor;
  private final Clock clock;

  ObligationsFromPaymentTerms(
      Obligations obligations,
      ContractGuard contracts,
      CurrentDocument documents,
      ObjectProvider<FactExtractor> extractor,
      Clock clock) {
    this.obligations = obligations;
    this.contracts = contracts;
    this.documents = documents;
    this.extractor = extractor;
    this.clock = clock;
  }

  /** Creates the obligation of the contract's payment terms (its owner or an admin). */
  @Transactional
  public Obligation create(CurrentUser user, UUID contractId) {
    ContractResponse contract = contracts.managed(user, contractId);
    PaymentTerms terms =
        terms(contractId)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "no-payment-terms",
                        "The contract's current document states no payment terms the platform"
                            + " can read (net N days, or monthly, quarterly, semi-annually or"
                            + " annually in advance or in arrears): add the obligation by hand"));
    if (obligations.of(user, contractId).stream().anyMatch(o -> o.title().startsWith(TITLE))) {
      throw new ConflictException(
          "The contract has the obligation of its payment terms already; change it by hand");
    }
    return obligations.add(user, contractId, proposal(contract, terms, today()));
  }

  /** The payment terms read from the contract's current document, if it states any. */
  Optional<PaymentTerms> terms(UUID contractId) {
    FactExtractor reader = extractor.orderedStream().findFirst().orElse(null);
    if (reader == null) {
      return Optional.empty();
    }
    return documents
        .currentText(contractId)
        .flatMap(
            text ->
                reader.extract(text).stream()
                    .filter(f -> f.field() == FactField.PAYMENT_TERMS)
                    .map(ExtractedFact::value)
                    .map(PaymentTerms::parse)
                    .flatMap(Optional::stream)
                    .findFirst());
  }

  /** The obligation the terms imply for this contract, as of {@code today}. */
  static ObligationRequest proposal(
      ContractResponse contract, PaymentTerms terms, LocalDate today) {
    ContractRequestValue value = ContractRequestValue.of(contract);
    ObligationRequest.Owner owner = new ObligationRequest.Owner(OwnerType.USER, contract.owner());
    String title = TITLE + terms.said();
    if (!terms.recurring()) {
      LocalDate due = contract.startDate().plusDays(terms.netDays());
      if (due.isBefore(today)) {
        due = today.plusDays(terms.netDays());
      }
      return new ObligationRequest(
          ObligationKind.PAYMENT,
          title,
          owner,
          null,
          OwedBy.COUNTERPARTY,
          Schedule.ONE_OFF,
          due,
          null,
          null,
          new ObligationRequest.Amount(value.amount(), value.currency()));
    }
    LocalDate first =
        terms.inArrears() ? contract.startDate().plusMonths(terms.months()) : contract.startDate();
    LocalDate end = contract.endDate();
    List<LocalDate> all = new ArrayList<>();
    int count = end == null ? Math.max(1, 12 / terms.months()) : InstalmentSchedule.MAX;
    for (int i = 0; i < count; i++) {
      LocalDate due = first.plusMonths((long) i * terms.months());
      // in arrears, the last period's payment falls due on the day after the term's last day
      if (end != null && due.isAfter(terms.inArrears() ? end.plusDays(1) : end)) {
        break;
      }
      all.add(due);
    }
    List<LocalDate> ahead = all.stream().filter(d -> !d.isBefore(today)).toList();
    if (ahead.isEmpty()) {
      throw new ConflictException(
          "no-payment-terms",
          "The payment terms ("
              + terms.said()
              + ") leave no payment due from today to the contract's end");
    }
    BigDecimal each =
        value
            .amount()
            .divide(
                BigDecimal.valueOf(all.size()),
                Math.min(
                    2,
                    Math.max(0, Currency.getInstance(value.currency()).getDefaultFractionDigits())),
                RoundingMode.HALF_UP);
    if (each.signum() <= 0) {
      throw new ConflictException(
          "no-payment-terms", "The contract's value is too small to spread over its payments");
    }
    ObligationRequest.Amount amount = new ObligationRequest.Amount(each, value.currency());
    Schedule schedule =
        switch (terms.months()) {
          case 1 -> Schedule.MONTHLY;
          case 3 -> Schedule.QUARTERLY;
          case 12 -> Schedule.YEARLY;
          default -> Schedule.MILESTONE;
        };
    if (schedule == Schedule.MILESTONE) {
      return new ObligationRequest(
          ObligationKind.PAYMENT,
          title,
          owner,
          null,
          OwedBy.COUNTERPARTY,
          Schedule.MILESTONE,
          null,
          null,
          ahead.subList(0, Math.min(ahead.size(), 50)),
          amount);
    }
    // in arrears the last payment may fall on the day after the end: run the schedule up to it
    LocalDate until = terms.inArrears() && end != null ? ahead.get(ahead.size() - 1) : null;
    return new ObligationRequest(
        ObligationKind.PAYMENT,
        title,
        owner,
        null,
        OwedBy.COUNTERPARTY,
        schedule,
        ahead.get(0),
        until,
        null,
        amount);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /** The contract's value, which a payment obligation needs (a contract of no value has none). */
  private record ContractRequestValue(BigDecimal amount, String currency) {
    static ContractRequestValue of(ContractResponse contract) {
      if (contract.value() == null
          || contract.value().amount() == null
          || contract.value().amount().signum() <= 0) {
        throw new ConflictException(
            "no-payment-terms",
            "The contract states no value, so its payment terms give no amount: add the"
                + " obligation by hand");
      }
      return new ContractRequestValue(
          contract.value().amount(), contract.value().currency().toUpperCase(Locale.ROOT));
    }
  }
}

package io.contractflow.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A contract as the API shows it (and as other features read it, through {@link
 * ContractGuard#view}).
 */
public record ContractResponse(
    UUID id,
    String reference,
    String title,
    String description,
    ContractType type,
    CounterpartyRef counterparty,
    ContractRequest.MoneyBody value,
    LocalDate startDate,
    LocalDate endDate,
    ContractRequest.RenewalBody renewal,
    String owner,
    ContractStatus status,
    List<String> tags,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The counterparty, named. */
  public record CounterpartyRef(UUID id, String name) {}

  static ContractResponse of(Contract c) {
    RenewalTerms renewal = c.getRenewal();
    return new ContractResponse(
        c.getId(),
        c.getReference(),
        c.getTitle(),
        c.getDescription(),
        c.getType(),
        new CounterpartyRef(c.getCounterparty().getId(), c.getCounterparty().getName()),
        new ContractRequest.MoneyBody(
            inCurrencyScale(c.getValue().amount(), c.getValue().currency()),
            c.getValue().currency()),
        c.getStartDate(),
        c.getEndDate(),
        new ContractRequest.RenewalBody(
            renewal.autoRenew(), renewal.renewalTermMonths(), renewal.noticePeriodDays()),
        c.getOwner(),
        c.getStatus(),
        c.getTags().stream().sorted().toList(),
        c.getCreatedAt(),
        c.getUpdatedAt(),
        c.getVersion());
  }

  private static BigDecimal inCurrencyScale(BigDecimal amount, String currency) {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    return digits < 0
        ? amount.stripTrailingZeros()
        : amount.setScale(digits, RoundingMode.UNNECESSARY);
  }
}

package io.contractflow.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    Map<String, Object> customFields,
    Instant createdAt,
    Instant updatedAt,
    long version,
    LegalHold legalHold) {

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
        customFieldValues(c.getCustomFields()),
        c.getCreatedAt(),
        c.getUpdatedAt(),
        c.getVersion(),
        c.getLegalHold());
  }

  /**
   * The stored values as the API shows them, by key: every number as a decimal (the store may read
   * a whole number back as an integer).
   */
  static Map<String, Object> customFieldValues(Map<String, Object> stored) {
    Map<String, Object> values = new TreeMap<>();
    if (stored != null) {
      stored.forEach((key, value) -> values.put(key, decimals(value)));
    }
    return values;
  }

  private static Object decimals(Object value) {
    if (value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), decimals(v)));
      return copy;
    }
    return value;
  }

  private static BigDecimal inCurrencyScale(BigDecimal amount, String currency) {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    return digits < 0
        ? amount.stripTrailingZeros()
        : amount.setScale(digits, RoundingMode.UNNECESSARY);
  }
}

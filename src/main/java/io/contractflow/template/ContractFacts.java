package io.contractflow.template;

import io.contractflow.contract.ContractResponse;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a template may say about a contract, and how each placeholder shows it. */
record ContractFacts(
    String title,
    String reference,
    String counterpartyName,
    String counterpartyEmail,
    BigDecimal amount,
    String currency,
    LocalDate startDate,
    LocalDate endDate,
    boolean autoRenew,
    Integer renewalTermMonths,
    Integer noticePeriodDays,
    String owner) {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  static final String NOT_APPLICABLE = "not applicable";

  static ContractFacts of(ContractResponse c, String counterpartyEmail) {
    return new ContractFacts(
        c.title(),
        c.reference(),
        c.counterparty().name(),
        counterpartyEmail,
        c.value().amount(),
        c.value().currency(),
        c.startDate(),
        c.endDate(),
        Boolean.TRUE.equals(c.renewal().autoRenew()),
        c.renewal().renewalTermMonths(),
        c.renewal().noticePeriodDays(),
        c.owner());
  }

  /** The value of each contract placeholder. */
  Map<String, String> values() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("contract.title", title);
    v.put("contract.reference", reference);
    v.put("counterparty.name", counterpartyName);
    v.put(
        "counterparty.contactEmail",
        counterpartyEmail == null ? NOT_APPLICABLE : counterpartyEmail);
    v.put("contract.value", money(amount, currency));
    v.put("contract.startDate", DATE.format(startDate));
    v.put("contract.endDate", endDate == null ? "no fixed end date" : DATE.format(endDate));
    v.put("renewal.autoRenew", autoRenew ? "Yes" : "No");
    v.put(
        "renewal.termMonths",
        renewalTermMonths == null ? NOT_APPLICABLE : String.valueOf(renewalTermMonths));
    v.put(
        "renewal.noticeDays",
        noticePeriodDays == null ? NOT_APPLICABLE : String.valueOf(noticePeriodDays));
    v.put("owner", owner);
    return v;
  }

  /**
   * For example {@code 12,000.50 EUR}: grouped, in the amount's scale (the currency's decimals).
   */
  static String money(BigDecimal amount, String currency) {
    int scale = Math.max(0, amount.scale());
    DecimalFormat format =
        new DecimalFormat(
            "#,##0" + (scale > 0 ? "." + "0".repeat(scale) : ""),
            DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    return format.format(amount) + " " + currency;
  }
}

package io.contractflow.workflow.review;

import io.contractflow.workflow.LifecycleProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/**
 * A contract's value in the base currency, so that one approval matrix serves contracts in any
 * currency. A currency without a configured rate stops the review with an incident (an admin adds
 * the rate and retries) rather than routing on a guess.
 */
@Component
class ValueInBaseCurrency {

  private final LifecycleProperties properties;

  ValueInBaseCurrency(LifecycleProperties properties) {
    this.properties = properties;
  }

  String baseCurrency() {
    return properties.baseCurrency();
  }

  BigDecimal convert(BigDecimal amount, String currency) {
    if (currency.equals(properties.baseCurrency())) {
      return amount;
    }
    BigDecimal rate = properties.exchangeRates().get(currency);
    if (rate == null) {
      throw new IllegalStateException(
          "No exchange rate from "
              + currency
              + " to "
              + properties.baseCurrency()
              + "; set contractflow.lifecycle.exchange-rates."
              + currency
              + " and retry the job");
    }
    return amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
  }
}

package io.contractflow.workflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lifecycle's timing and money settings ({@code contractflow.lifecycle.*}); the embedded
 * default needs none.
 *
 * @param reviewDue how long reviewers have: a review task is due this long after the review starts;
 *     unset (the default), the review model's {@code reviewDueIn} decides (P3D as shipped); set, it
 *     overrides the model
 * @param escalateAfter how long after the due date an unfinished review goes to the contract
 *     admins; unset, the model's {@code escalateAfter} (P2D as shipped); set, it overrides the
 *     model
 * @param renewalLeadTime how long before the notice deadline the owner's renewal decision task
 *     appears; unset, the term model's {@code renewalLeadTime} (P30D as shipped); set, it overrides
 *     the model
 * @param zone the time zone in which contract dates start and end (a contract ending on 31 March
 *     ends at midnight)
 * @param baseCurrency the currency in which the approval matrix compares values
 * @param exchangeRates units of the base currency per unit of each other currency (USD: 0.92 means
 *     1 USD = 0.92 EUR)
 */
@ConfigurationProperties("contractflow.lifecycle")
public record LifecycleProperties(
    Duration reviewDue,
    Duration escalateAfter,
    Duration renewalLeadTime,
    @DefaultValue("UTC") ZoneId zone,
    @DefaultValue("EUR") String baseCurrency,
    Map<String, BigDecimal> exchangeRates) {

  public LifecycleProperties {
    exchangeRates = exchangeRates == null ? Map.of() : Map.copyOf(exchangeRates);
  }
}

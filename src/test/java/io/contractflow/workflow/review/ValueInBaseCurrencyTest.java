package io.contractflow.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contractflow.workflow.LifecycleProperties;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values compared by the approval matrix, in the base currency. */
class ValueInBaseCurrencyTest {

  private final ValueInBaseCurrency converter =
      new ValueInBaseCurrency(
          new LifecycleProperties(
              Duration.ofDays(3),
              Duration.ofDays(2),
              Duration.ofDays(30),
              ZoneOffset.UTC,
              "EUR",
              Map.of("USD", new BigDecimal("0.92"))));

  @Test
  void theBaseCurrencyStaysAsItIs() {
    assertThat(converter.convert(new BigDecimal("10000.00"), "EUR")).isEqualByComparingTo("10000");
  }

  @Test
  void otherCurrenciesAreConvertedAtTheConfiguredRate() {
    assertThat(converter.convert(new BigDecimal("11000"), "USD")).isEqualByComparingTo("10120.00");
  }

  @Test
  void aCurrencyWithoutARateStopsTheReviewWithAClearReason() {
    assertThatThrownBy(() -> converter.convert(BigDecimal.ONE, "BRL"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contractflow.lifecycle.exchange-rates.BRL");
  }
}

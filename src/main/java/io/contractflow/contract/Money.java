package io.contractflow.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** An amount in an ISO 4217 currency. */
@Embeddable
public class Money {

  @Column(name = "value_amount", nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(name = "value_currency", nullable = false, length = 3)
  private String currency;

  protected Money() {}

  public Money(BigDecimal amount, String currency) {
    this.amount = amount;
    this.currency = currency;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }
}

package io.contractflow.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Currency;
import java.util.Set;

/** Accepts ISO 4217 codes of real currencies; null is left to {@code @NotNull}. */
public class Iso4217CurrencyValidator implements ConstraintValidator<Iso4217Currency, String> {

  private static final Set<String> NOT_MONEY =
      Set.of(
          "XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU",
          "XUA");

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    if (!value.matches("[A-Z]{3}") || NOT_MONEY.contains(value)) {
      return false;
    }
    try {
      return Currency.getInstance(value).getDefaultFractionDigits() >= 0;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }
}

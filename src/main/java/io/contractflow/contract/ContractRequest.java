package io.contractflow.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.platform.validation.Iso4217Currency;
import io.contractflow.platform.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A contract's editable facts as a client sends them to create or replace a draft. Status, owner,
 * reference and timestamps are not here: clients cannot set them, and a body that tries is refused.
 * {@code customFields} holds the values of the fields an admin defined for the contract's type, by
 * key; left out on an update, the stored values stay (and are checked again).
 */
public record ContractRequest(
    @NotBlank @Size(max = 200) @PlainText String title,
    @Size(max = 4000) @PlainText(multiline = true) String description,
    @NotNull ContractType type,
    @NotNull UUID counterpartyId,
    @NotNull @Valid MoneyBody value,
    @NotNull LocalDate startDate,
    LocalDate endDate,
    @Valid RenewalBody renewal,
    @Size(max = 20)
        Set<
                @NotBlank @Size(max = 50)
                @Pattern(
                    regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} _.\\-]*",
                    message = "must be letters, digits, spaces, '_', '.' or '-'")
                String>
            tags,
    @Size(max = 50) Map<String, JsonNode> customFields) {

  /** An amount of money in an ISO 4217 currency. */
  public record MoneyBody(
      @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal amount,
      @NotNull @Iso4217Currency String currency) {}

  /**
   * Renewal terms: whether the contract renews by itself, for how many months, and the notice to
   * end it.
   */
  public record RenewalBody(
      Boolean autoRenew,
      @Min(1) @Max(120) Integer renewalTermMonths,
      @Min(0) @Max(730) Integer noticePeriodDays) {}
}

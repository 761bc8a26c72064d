package io.contractflow.obligation;

import io.contractflow.platform.validation.Iso4217Currency;
import io.contractflow.platform.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A new obligation of a contract.
 *
 * @param owner who records its fulfilment: a user, or a group whose members may
 * @param escalationGroup who hears when an instalment is overdue (the contract admins when absent)
 * @param firstDue the first (or only) due date; for milestones the {@code milestones} instead
 * @param until the last date a recurring schedule runs to (the contract's end date when absent)
 * @param amount what each instalment of a payment is worth (required for payments)
 */
public record ObligationRequest(
    @NotNull ObligationKind kind,
    @NotBlank @Size(max = 200) @PlainText String title,
    @NotNull @Valid Owner owner,
    @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String escalationGroup,
    @NotNull OwedBy owedBy,
    @NotNull Schedule schedule,
    LocalDate firstDue,
    LocalDate until,
    @Size(max = 50) List<@NotNull LocalDate> milestones,
    @Valid Amount amount) {

  /** A user or group by its id. */
  public record Owner(
      @NotNull OwnerType type,
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9@._-]+") String id) {}

  /** An amount in an ISO 4217 currency. */
  public record Amount(
      @NotNull @DecimalMin(value = "0.01") @Digits(integer = 15, fraction = 2) BigDecimal amount,
      @NotNull @Iso4217Currency String currency) {}
}

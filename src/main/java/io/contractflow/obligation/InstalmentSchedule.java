package io.contractflow.obligation;

import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The due dates of an obligation's instalments: one for a one-off, every month, quarter or year
 * from the first due date up to its last date (or the contract's end; without either, a year of
 * them), or the milestone dates in order.
 */
final class InstalmentSchedule {

  /** Most instalments one obligation has. */
  static final int MAX = 120;

  private InstalmentSchedule() {}

  static List<LocalDate> of(ObligationRequest request, LocalDate contractEnd) {
    List<FieldError> errors = new ArrayList<>();
    if (request.schedule() == Schedule.MILESTONE) {
      if (request.milestones() == null || request.milestones().isEmpty()) {
        errors.add(new FieldError("milestones", "a milestone schedule needs its dates"));
      }
    } else if (request.firstDue() == null) {
      errors.add(new FieldError("firstDue", "the first due date is required"));
    }
    if (request.kind() == ObligationKind.PAYMENT && request.amount() == null) {
      errors.add(new FieldError("amount", "a payment needs its amount and currency"));
    }
    if (request.until() != null
        && request.firstDue() != null
        && request.until().isBefore(request.firstDue())) {
      errors.add(new FieldError("until", "must not be before the first due date"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return switch (request.schedule()) {
      case ONE_OFF -> List.of(request.firstDue());
      case MILESTONE -> List.copyOf(new TreeSet<>(request.milestones()));
      default -> recurring(request, contractEnd);
    };
  }

  private static List<LocalDate> recurring(ObligationRequest request, LocalDate contractEnd) {
    LocalDate until = request.until() != null ? request.until() : contractEnd;
    int months = request.schedule().months();
    int cap = until == null ? 12 / months : MAX;
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < cap; i++) {
      LocalDate due = request.firstDue().plusMonths((long) i * months);
      if (until != null && due.isAfter(until)) {
        break;
      }
      dates.add(due);
    }
    if (until != null
        && dates.size() == MAX
        && !dates.get(MAX - 1).plusMonths(months).isAfter(until)) {
      throw InvalidInputException.field(
          "until", "the schedule would have more than " + MAX + " instalments");
    }
    return dates;
  }
}

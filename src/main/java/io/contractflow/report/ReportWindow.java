package io.contractflow.report;

import io.contractflow.platform.error.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The months a history report covers: the current month and the {@code months - 1} before it, in
 * UTC, up to now.
 */
record ReportWindow(int months, Instant from, Instant to) {

  static final int DEFAULT_MONTHS = 12;
  static final int MAX_MONTHS = 36;

  static ReportWindow of(Integer months, Clock clock) {
    int m = months == null ? DEFAULT_MONTHS : months;
    if (m < 1 || m > MAX_MONTHS) {
      throw InvalidInputException.field(
          "months", "must be between 1 and " + MAX_MONTHS + " (default " + DEFAULT_MONTHS + ")");
    }
    Instant now = clock.instant();
    YearMonth first = YearMonth.from(LocalDate.ofInstant(now, ZoneOffset.UTC)).minusMonths(m - 1);
    return new ReportWindow(m, first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), now);
  }
}

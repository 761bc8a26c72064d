package io.contractflow.workflow.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The instants a term waits for, from its end date, notice period and lead time. */
class TermDatesTest {

  @Test
  void aTermEndsAtMidnightAfterItsEndDateAndNoticeIsDueBeforeTheNoticePeriod() {
    TermDates dates =
        TermDates.of(LocalDate.of(2026, 12, 31), 30, Duration.ofDays(30), ZoneOffset.UTC);

    assertThat(dates.endsAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(dates.lastNoticeDay()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(dates.noticeDeadline()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    assertThat(dates.decisionDueAt()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
  }

  @Test
  void withoutANoticePeriodNoticeIsPossibleUntilTheEnd() {
    TermDates dates =
        TermDates.of(LocalDate.of(2026, 6, 30), null, Duration.ofDays(14), ZoneOffset.UTC);

    assertThat(dates.noticeDeadline()).isEqualTo(dates.endsAt());
  }

  @Test
  void datesFollowTheConfiguredZone() {
    TermDates dates =
        TermDates.of(LocalDate.of(2026, 3, 31), 0, Duration.ZERO, ZoneId.of("Europe/Berlin"));

    assertThat(dates.endsAt()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
  }
}

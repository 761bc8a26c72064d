package io.contractflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which renewal reminder is due when: the notice deadline as the lifecycle computes it, the
 * shortest lead begun.
 */
class RenewalRemindersTest {

  private static final UUID CONTRACT = UUID.randomUUID();
  private static final List<Duration> LEADS =
      List.of(Duration.ofDays(90), Duration.ofDays(30), Duration.ofDays(7));
  // ends 31 December with 30 days' notice: notice by the end of 1 December, so too late from 2
  // December 00:00
  private static final LocalDate END = LocalDate.of(2026, 12, 31);
  private static final Instant DEADLINE = Instant.parse("2026-12-02T00:00:00Z");

  private static Optional<String> leadAt(Instant now) {
    return RenewalReminders.due(CONTRACT, END, 30, now, LEADS, ZoneOffset.UTC)
        .map(RenewalReminders.Reminder::lead);
  }

  @Test
  void nothingBeforeTheLongestLeadTime() {
    assertThat(leadAt(DEADLINE.minus(Duration.ofDays(90)).minusSeconds(1))).isEmpty();
  }

  @Test
  void eachLeadTimeFromItsMomentAndOnlyTheShortestBegun() {
    assertThat(leadAt(DEADLINE.minus(Duration.ofDays(90)))).contains("PT2160H");
    assertThat(leadAt(DEADLINE.minus(Duration.ofDays(31)))).contains("PT2160H");
    assertThat(leadAt(DEADLINE.minus(Duration.ofDays(30)))).contains("PT720H");
    assertThat(leadAt(DEADLINE.minus(Duration.ofDays(8)))).contains("PT720H");
    assertThat(leadAt(DEADLINE.minus(Duration.ofDays(7)))).contains("PT168H");
    assertThat(leadAt(DEADLINE.minusSeconds(1))).contains("PT168H");
  }

  @Test
  void nothingOnceTheDeadlineHasPassed() {
    assertThat(leadAt(DEADLINE)).isEmpty();
    assertThat(leadAt(DEADLINE.plus(Duration.ofDays(20)))).isEmpty();
  }

  @Test
  void theReminderNamesTheTermAndTheDeadline() {
    RenewalReminders.Reminder reminder =
        RenewalReminders.due(
                CONTRACT, END, 30, DEADLINE.minus(Duration.ofDays(1)), LEADS, ZoneOffset.UTC)
            .orElseThrow();
    assertThat(reminder.contractId()).isEqualTo(CONTRACT);
    assertThat(reminder.endDate()).isEqualTo(END);
    assertThat(reminder.lastNoticeDay()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(reminder.noticeDeadline()).isEqualTo(DEADLINE);
  }

  @Test
  void theDeadlineIsMidnightInTheLifecyclesZone() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // midnight in Berlin is 23:00 UTC the day before (winter time)
    Instant berlinDeadline = Instant.parse("2026-12-01T23:00:00Z");
    assertThat(
            RenewalReminders.due(CONTRACT, END, 30, berlinDeadline.minusSeconds(1), LEADS, berlin))
        .isPresent();
    assertThat(RenewalReminders.due(CONTRACT, END, 30, berlinDeadline, LEADS, berlin)).isEmpty();
  }

  @Test
  void noNoticePeriodMeansTheEndDateIsTheLastDay() {
    RenewalReminders.Reminder reminder =
        RenewalReminders.due(
                CONTRACT, END, 0, Instant.parse("2026-12-31T12:00:00Z"), LEADS, ZoneOffset.UTC)
            .orElseThrow();
    assertThat(reminder.lastNoticeDay()).isEqualTo(END);
    assertThat(reminder.lead()).isEqualTo("PT168H");
  }
}

package io.contractflow.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When notice on a fixed term is due: by the end of the day that is the notice period before the
 * term's end date, in the zone in which contract dates start and end. The one place of this rule:
 * the lifecycle's timers ({@code workflow.term.TermDates}) and the renewal reminders ({@code
 * notification.RenewalReminders}) both ask it.
 *
 * @param lastNoticeDay the last day on which notice may be given
 * @param tooLateFrom the first instant at which notice is too late
 */
public record NoticeDeadline(LocalDate lastNoticeDay, Instant tooLateFrom) {

  /**
   * The deadline of a term ending on {@code endDate} with {@code noticePeriodDays} of notice (none
   * if null).
   */
  public static NoticeDeadline of(LocalDate endDate, Integer noticePeriodDays, ZoneId zone) {
    LocalDate lastNoticeDay = endDate.minusDays(noticePeriodDays == null ? 0 : noticePeriodDays);
    return new NoticeDeadline(
        lastNoticeDay, lastNoticeDay.plusDays(1).atStartOfDay(zone).toInstant());
  }
}

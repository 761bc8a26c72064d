package io.contractflow.workflow.term;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The moments one fixed term waits for. The term runs to the end of its end date; notice must be given by the end
 * of the day that is the notice period before it; the owner is asked a lead time before that.
 *
 * @param endsAt the first instant after the term
 * @param noticeDeadline the first instant at which notice is too late
 * @param decisionDueAt when the owner's renewal decision task appears (never after the notice deadline)
 */
record TermDates(Instant endsAt, Instant noticeDeadline, Instant decisionDueAt, LocalDate lastNoticeDay) {

  static TermDates of(LocalDate endDate, Integer noticePeriodDays, Duration leadTime, ZoneId zone) {
    Instant endsAt = endDate.plusDays(1).atStartOfDay(zone).toInstant();
    int notice = noticePeriodDays == null ? 0 : noticePeriodDays;
    LocalDate lastNoticeDay = endDate.minusDays(notice);
    Instant noticeDeadline = lastNoticeDay.plusDays(1).atStartOfDay(zone).toInstant();
    Instant decisionDueAt = noticeDeadline.minus(leadTime);
    return new TermDates(endsAt, noticeDeadline, decisionDueAt, lastNoticeDay);
  }
}

package io.contractflow.workflow.term;

import io.contractflow.contract.NoticeDeadline;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The moments one fixed term waits for. The term runs to the end of its end date; notice is due as
 * {@link NoticeDeadline} says; the owner is asked a lead time before that.
 *
 * @param endsAt the first instant after the term
 * @param noticeDeadline the first instant at which notice is too late
 * @param decisionDueAt when the owner's renewal decision task appears (never after the notice
 *     deadline)
 */
record TermDates(
    Instant endsAt, Instant noticeDeadline, Instant decisionDueAt, LocalDate lastNoticeDay) {

  static TermDates of(LocalDate endDate, Integer noticePeriodDays, Duration leadTime, ZoneId zone) {
    Instant endsAt = endDate.plusDays(1).atStartOfDay(zone).toInstant();
    NoticeDeadline notice = NoticeDeadline.of(endDate, noticePeriodDays, zone);
    Instant decisionDueAt = notice.tooLateFrom().minus(leadTime);
    return new TermDates(endsAt, notice.tooLateFrom(), decisionDueAt, notice.lastNoticeDay());
  }
}

package io.contractflow.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.contract.NoticeDeadline;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds active contracts whose notice deadline comes within a configured lead time ({@code
 * contractflow.notifications.renewal-reminders}, default 90, 30 and 7 days) and records one
 * reminder event per contract, term and lead time: the event's unique key makes a second scan, on
 * this node or another, record nothing. When several lead times have passed at once (a contract
 * signed 20 days before its deadline), only the shortest is sent. The deadline is the lifecycle's
 * ({@link NoticeDeadline}), in the lifecycle's time zone. Renewable contracts only (auto-renewing
 * or with a renewal term): the others simply expire, which is mailed when it happens.
 */
@Component
class RenewalReminders {

  private static final Logger log = LoggerFactory.getLogger(RenewalReminders.class);

  /**
   * One reminder: the contract, the term (by its end date), the deadline, and which lead time it is
   * for.
   */
  record Reminder(
      UUID contractId,
      LocalDate endDate,
      LocalDate lastNoticeDay,
      Instant noticeDeadline,
      String lead) {}

  private final JdbcTemplate jdbc;
  private final NotificationEvents events;
  private final MailProperties properties;
  private final ZoneId zone;
  private final ObjectMapper json;

  /**
   * {@code zone}: where contract dates start and end, the lifecycle's setting ({@code
   * workflow.LifecycleProperties}).
   */
  RenewalReminders(
      JdbcTemplate jdbc,
      NotificationEvents events,
      MailProperties properties,
      @Value("${contractflow.lifecycle.zone:UTC}") ZoneId zone,
      ObjectMapper json) {
    this.jdbc = jdbc;
    this.events = events;
    this.properties = properties;
    this.zone = zone;
    this.json = json;
  }

  /** Records the reminders due at {@code now}; returns how many were recorded by this call. */
  int scan(Instant now) {
    List<Duration> leads = properties.renewalReminders();
    if (leads.isEmpty() || !properties.enabled()) {
      return 0;
    }
    LocalDate today = LocalDate.ofInstant(now, zone);
    long longest = leads.get(0).toDays() + 1;
    List<Candidate> candidates =
        jdbc.query(
            """
        select id, end_date, coalesce(notice_period_days, 0) from contractflow.contract
        where status = 'ACTIVE' and end_date is not null
          and (auto_renew or coalesce(renewal_term_months, 0) > 0)
          and end_date - coalesce(notice_period_days, 0) between ? and ?""",
            (rs, i) ->
                new Candidate(
                    rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getInt(3)),
            Date.valueOf(today.minusDays(1)),
            Date.valueOf(today.plusDays(longest)));
    int recorded = 0;
    for (Candidate candidate : candidates) {
      Optional<Reminder> due = due(candidate, now);
      if (due.isPresent() && record(due.get())) {
        recorded++;
      }
    }
    return recorded;
  }

  private Optional<Reminder> due(Candidate candidate, Instant now) {
    return due(
        candidate.id(),
        candidate.endDate(),
        candidate.noticeDays(),
        now,
        properties.renewalReminders(),
        zone);
  }

  /**
   * The reminder due at {@code now} for a term ending on {@code endDate} with {@code noticeDays} of
   * notice: the one of the shortest lead time that has begun, if the notice deadline has not passed
   * yet.
   *
   * @param leads the lead times, longest first
   */
  static Optional<Reminder> due(
      UUID contractId,
      LocalDate endDate,
      int noticeDays,
      Instant now,
      List<Duration> leads,
      ZoneId zone) {
    NoticeDeadline notice = NoticeDeadline.of(endDate, noticeDays, zone);
    LocalDate lastNoticeDay = notice.lastNoticeDay();
    Instant deadline = notice.tooLateFrom();
    if (!now.isBefore(deadline)) {
      return Optional.empty();
    }
    Duration shortest = null;
    for (Duration lead : leads) {
      if (!now.isBefore(deadline.minus(lead))) {
        shortest = lead;
      }
    }
    return Optional.ofNullable(shortest)
        .map(lead -> new Reminder(contractId, endDate, lastNoticeDay, deadline, lead.toString()));
  }

  private boolean record(Reminder reminder) {
    try {
      boolean recorded =
          events.recordOnce(
              Notifier.RENEWAL_REMINDER,
              json.writeValueAsString(reminder),
              "renewal-reminder:"
                  + reminder.contractId()
                  + ":"
                  + reminder.endDate()
                  + ":"
                  + reminder.lead());
      if (recorded) {
        log.info(
            "Renewal reminder ({} before the notice deadline {}) recorded for contract {}",
            reminder.lead(),
            reminder.lastNoticeDay(),
            reminder.contractId());
      }
      return recorded;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Candidate(UUID id, LocalDate endDate, int noticeDays) {}
}

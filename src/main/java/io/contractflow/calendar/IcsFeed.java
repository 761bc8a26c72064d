package io.contractflow.calendar;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.parameter.Related;
import biweekly.property.Trigger;
import biweekly.util.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes a user's renewals calendar as an RFC 5545 document (biweekly): one event per date, all-day
 * except the renewal decision (an instant), with the contract's title, a link to its workspace page
 * and, for notice deadlines, display alarms ({@code contractflow.calendar.notice-alarms}) before
 * the day. UIDs are the events' stable uids, so a calendar app updates an event when its contract's
 * dates change instead of adding another.
 */
@Component
class IcsFeed {

  static final String PRODUCT_ID = "-//ContractFlow//Renewals calendar//EN";
  static final String NAME = "ContractFlow renewals";

  private final CalendarProperties properties;

  IcsFeed(CalendarProperties properties) {
    this.properties = properties;
  }

  String write(List<CalendarEvent> events, Instant now) {
    ICalendar calendar = new ICalendar();
    calendar.setProductId(PRODUCT_ID);
    calendar.setName(NAME);
    calendar.addExperimentalProperty("X-WR-CALNAME", NAME);
    Duration hourly = Duration.builder().hours(1).build();
    calendar.setRefreshInterval(hourly);
    calendar.addExperimentalProperty("X-PUBLISHED-TTL", hourly.toString());
    for (CalendarEvent event : events) {
      calendar.addEvent(event(event, now));
    }
    return Biweekly.write(calendar).go();
  }

  private VEvent event(CalendarEvent e, Instant now) {
    VEvent event = new VEvent();
    event.setUid(e.uid());
    event.setDateTimeStamp(Date.from(now));
    if (e.at() != null) {
      event.setDateStart(Date.from(e.at()), true);
    } else {
      event.setDateStart(day(e.date()), false);
      event.setDateEnd(day(e.date().plusDays(1)), false);
    }
    event.setSummary(e.kind().label() + ": " + e.title() + " (" + e.reference() + ")");
    event.setDescription(
        e.reference()
            + " "
            + e.title()
            + "\nCounterparty: "
            + e.counterparty()
            + "\nEnd date: "
            + e.endDate()
            + "\nStatus: "
            + e.status()
            + "\n"
            + e.url());
    event.setUrl(e.url());
    event.addCategories("ContractFlow", e.kind().label());
    event.setTransparency(true);
    if (e.kind() == CalendarEvent.Kind.NOTICE_DEADLINE) {
      for (java.time.Duration before : properties.noticeAlarms()) {
        Trigger trigger =
            new Trigger(
                Duration.builder().prior(true).days((int) before.toDays()).build(), Related.START);
        event.addAlarm(
            VAlarm.display(
                trigger,
                (before.toDays() == 1
                        ? "Notice deadline tomorrow: "
                        : "Notice deadline in " + before.toDays() + " days: ")
                    + e.title()
                    + " ("
                    + e.reference()
                    + ")"));
      }
    }
    return event;
  }

  /**
   * A day as biweekly writes date-only values: midnight of the JVM's zone, which it formats in the
   * same zone.
   */
  private static Date day(LocalDate date) {
    return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }
}

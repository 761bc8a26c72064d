package io.contractflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.contract.ContractStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The feed as RFC 5545 text: whole days as dates, alarms before notice deadlines, stable UIDs. */
class IcsFeedTest {

  private final CalendarProperties properties =
      new CalendarProperties(
          "https://contracts.example/",
          Duration.ofDays(90),
          Duration.ofDays(730),
          Duration.ofDays(90),
          List.of(Duration.ofDays(1), Duration.ofDays(7)),
          10,
          5000,
          60,
          30,
          Duration.ofHours(1));

  private CalendarEvent event(CalendarEvent.Kind kind, LocalDate date, Instant at, UUID id) {
    return new CalendarEvent(
        kind.slug() + "." + id + "@contractflow",
        kind,
        date,
        at,
        id,
        "CF-2026-0042",
        "Services; with a, comma",
        ContractStatus.ACTIVE,
        "Acme GmbH",
        LocalDate.of(2026, 3, 31),
        properties.base() + "/contracts/" + id);
  }

  @Test
  void writesWholeDaysAlarmsAndStableUids() {
    UUID id = UUID.fromString("9b1c2d3e-0000-4000-8000-000000000001");
    String ics =
        new IcsFeed(properties)
            .write(
                List.of(
                    event(CalendarEvent.Kind.NOTICE_DEADLINE, LocalDate.of(2026, 3, 1), null, id),
                    event(
                        CalendarEvent.Kind.RENEWAL_DECISION,
                        LocalDate.of(2026, 1, 30),
                        Instant.parse("2026-01-30T00:00:00Z"),
                        id)),
                Instant.parse("2026-01-01T10:00:00Z"));
    String unfolded = ics.replace("\r\n ", "");

    assertThat(unfolded)
        .startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" + IcsFeed.PRODUCT_ID)
        .contains("UID:notice-deadline." + id + "@contractflow\r\n")
        .contains("DTSTART;VALUE=DATE:20260301\r\n")
        .contains("DTEND;VALUE=DATE:20260302\r\n")
        .contains("DTSTART:20260130T000000Z\r\n")
        .contains("SUMMARY:Notice deadline: Services\\; with a\\, comma (CF-2026-0042)\r\n")
        .contains("URL:https://contracts.example/contracts/" + id + "\r\n")
        .contains("TRIGGER;RELATED=START:-P7D\r\n")
        .contains("TRIGGER;RELATED=START:-P1D\r\nDESCRIPTION:Notice deadline tomorrow: ")
        .endsWith("END:VCALENDAR\r\n");
    assertThat(unfolded.split("BEGIN:VALARM", -1))
        .as("two alarms, on the deadline only")
        .hasSize(3);
  }
}

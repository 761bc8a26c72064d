package io.contractflow.calendar;

import io.contractflow.contract.ContractTerm;
import io.contractflow.contract.ContractTerms;
import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The renewals calendar of one user: the notice deadlines (of renewable contracts), end dates and
 * pending renewal decisions of the contracts they may read now, on days in a window. Days are in
 * the lifecycle's zone ({@code contractflow.lifecycle.zone}), where contract dates start and end.
 */
@Service
class CalendarEvents {

  /** The widest window one request may ask for. */
  static final int MAX_WINDOW_DAYS = 366;

  private final ContractTerms terms;
  private final ObjectProvider<RenewalDecisions> decisions;
  private final CalendarProperties properties;
  private final Clock clock;
  private final ZoneId zone;

  CalendarEvents(
      ContractTerms terms,
      ObjectProvider<RenewalDecisions> decisions,
      CalendarProperties properties,
      Clock clock,
      @Value("${contractflow.lifecycle.zone:UTC}") ZoneId zone) {
    this.terms = terms;
    this.decisions = decisions;
    this.properties = properties;
    this.clock = clock;
    this.zone = zone;
  }

  /** The events and whether the list was cut at {@code contractflow.calendar.max-events}. */
  record Listing(LocalDate from, LocalDate to, List<CalendarEvent> events, boolean truncated) {}

  LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  ZoneId zone() {
    return zone;
  }

  /** A window a client asked for: both ends inclusive, at most {@value #MAX_WINDOW_DAYS} days. */
  Listing between(CurrentUser user, LocalDate from, LocalDate to) {
    LocalDate start = from == null ? today() : from;
    LocalDate end = to == null ? start.plusDays(90) : to;
    List<FieldError> errors = new ArrayList<>();
    if (end.isBefore(start)) {
      errors.add(new FieldError("to", "must not be before from"));
    } else if (start.plusDays(MAX_WINDOW_DAYS).isBefore(end)) {
      errors.add(new FieldError("to", "must be at most " + MAX_WINDOW_DAYS + " days after from"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          "validation", "Field 'to' " + errors.get(0).message(), errors);
    }
    return list(user, start, end);
  }

  /** The feed's window around today. */
  Listing forFeed(CurrentUser user) {
    LocalDate today = today();
    return list(
        user,
        today.minusDays(properties.feedPast().toDays()),
        today.plusDays(properties.feedAhead().toDays()));
  }

  private Listing list(CurrentUser user, LocalDate from, LocalDate to) {
    int limit = properties.maxEvents();
    List<ContractTerm> found =
        terms.readableDatedBetween(
            user, from, to.plusDays(properties.decisionLookahead().toDays()), limit + 1);
    boolean truncated = found.size() > limit;
    List<ContractTerm> dated = truncated ? found.subList(0, limit) : found;
    Map<UUID, Instant> pending =
        dated.isEmpty()
            ? Map.of()
            : decisions
                .getIfAvailable(() -> (ids, start, end) -> Map.of())
                .pending(
                    dated.stream().map(ContractTerm::id).toList(),
                    from.atStartOfDay(zone).toInstant(),
                    to.plusDays(1).atStartOfDay(zone).toInstant());
    List<CalendarEvent> events = new ArrayList<>();
    for (ContractTerm term : dated) {
      if (term.renewable()) {
        add(
            events,
            term,
            CalendarEvent.Kind.NOTICE_DEADLINE,
            term.noticeDeadline(zone).lastNoticeDay(),
            null,
            from,
            to);
      }
      add(events, term, CalendarEvent.Kind.END_DATE, term.endDate(), null, from, to);
      Instant decision = pending.get(term.id());
      if (decision != null) {
        add(
            events,
            term,
            CalendarEvent.Kind.RENEWAL_DECISION,
            LocalDate.ofInstant(decision, zone),
            decision,
            from,
            to);
      }
    }
    events.sort(
        Comparator.comparing(CalendarEvent::date)
            .thenComparing(CalendarEvent::kind)
            .thenComparing(CalendarEvent::reference));
    return new Listing(from, to, List.copyOf(events), truncated);
  }

  private void add(
      List<CalendarEvent> events,
      ContractTerm term,
      CalendarEvent.Kind kind,
      LocalDate date,
      Instant at,
      LocalDate from,
      LocalDate to) {
    if (date.isBefore(from) || date.isAfter(to)) {
      return;
    }
    events.add(
        new CalendarEvent(
            kind.slug() + "." + term.id() + "@contractflow",
            kind,
            date,
            at,
            term.id(),
            term.reference(),
            term.title(),
            term.status(),
            term.counterparty(),
            term.endDate(),
            contractPage(term.id())));
  }

  /** The contract's page in the workspace. */
  String contractPage(UUID contractId) {
    return properties.base() + "/contracts/" + contractId;
  }
}

package io.contractflow.calendar;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.security.SecurityLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The renewals calendar of the caller (what they may read) and their personal feed links. Every
 * caller has their own feeds; nobody sees or revokes another's.
 */
@RestController
@Tag(name = "Calendar")
class CalendarController {

  static final String FEED_TOKEN_KIND = "calendar-feed";

  private final CalendarEvents events;
  private final FeedTokens tokens;
  private final CalendarProperties properties;
  private final CurrentUserProvider currentUser;
  private final SecurityLog securityLog;

  CalendarController(
      CalendarEvents events,
      FeedTokens tokens,
      CalendarProperties properties,
      CurrentUserProvider currentUser,
      SecurityLog securityLog) {
    this.events = events;
    this.tokens = tokens;
    this.properties = properties;
    this.currentUser = currentUser;
    this.securityLog = securityLog;
  }

  @Schema(description = "The renewals calendar between two days")
  record EventsResponse(
      LocalDate from,
      LocalDate to,
      List<CalendarEvent> events,
      @Schema(description = "Whether the list was cut at the most the platform lists at once")
          boolean truncated) {}

  @GetMapping("/api/calendar/events")
  @Operation(
      summary =
          "Notice deadlines, end dates and pending renewal decisions of the contracts the caller may"
              + " read, on days from 'from' to 'to' (both included, at most 366 days apart; default:"
              + " today and 90 days on)")
  EventsResponse events(
      @Parameter(description = "first day (ISO date)")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate from,
      @Parameter(description = "last day (ISO date)")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate to) {
    CalendarEvents.Listing listing = events.between(currentUser.get(), from, to);
    return new EventsResponse(listing.from(), listing.to(), listing.events(), listing.truncated());
  }

  record FeedTokenRequest(
      @Schema(description = "A name to tell the feed by, such as the app it is for")
          @Size(max = 100)
          String label) {}

  @Schema(description = "A personal calendar feed, without its secret")
  record FeedTokenResponse(UUID id, String label, Instant createdAt, Instant lastUsedAt) {
    static FeedTokenResponse of(FeedTokens.FeedToken t) {
      return new FeedTokenResponse(t.id(), t.label(), t.createdAt(), t.lastUsedAt());
    }
  }

  @Schema(description = "A new personal calendar feed; its URL is shown only this once")
  record CreatedFeedResponse(
      UUID id,
      String label,
      Instant createdAt,
      @Schema(description = "The feed to subscribe to: anyone with it reads your renewals calendar")
          String url) {}

  @PostMapping("/api/calendar/feed-tokens")
  @Operation(
      summary =
          "Creates a personal calendar feed (ICS) of the caller's renewals calendar; the URL with"
              + " its secret is shown only in this answer")
  ResponseEntity<CreatedFeedResponse> create(
      @Valid @RequestBody(required = false) FeedTokenRequest request, HttpServletRequest http) {
    CurrentUser user = currentUser.get();
    String label =
        request == null || request.label() == null || request.label().isBlank()
            ? "Calendar feed"
            : request.label().strip();
    FeedTokens.Issued issued = tokens.issue(user.username(), label);
    securityLog.accessTokenChanged(
        user.username(),
        http.getRemoteAddr(),
        FEED_TOKEN_KIND,
        "created",
        issued.token().id().toString());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new CreatedFeedResponse(
                issued.token().id(),
                issued.token().label(),
                issued.token().createdAt(),
                properties.base() + "/calendar/" + issued.secret() + ".ics"));
  }

  @GetMapping("/api/calendar/feed-tokens")
  @Operation(summary = "The caller's calendar feeds that work (never their secrets)")
  List<FeedTokenResponse> mine() {
    return tokens.mine(currentUser.get().username()).stream().map(FeedTokenResponse::of).toList();
  }

  @DeleteMapping("/api/calendar/feed-tokens/{id}")
  @Operation(summary = "Revokes one of the caller's calendar feeds: its URL stops working at once")
  ResponseEntity<Void> revoke(@PathVariable UUID id, HttpServletRequest http) {
    String user = currentUser.get().username();
    tokens.revoke(user, id);
    securityLog.accessTokenChanged(
        user, http.getRemoteAddr(), FEED_TOKEN_KIND, "revoked", id.toString());
    return ResponseEntity.noContent().build();
  }
}

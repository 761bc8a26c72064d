package io.contractflow.calendar;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.UserDirectory;
import io.contractflow.platform.error.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A personal calendar feed, for calendar apps, which cannot sign in: the token in the URL stands
 * for its user. Only a valid, unrevoked token of a user who still exists works; anything else is
 * 404, the same for every case. What the feed lists is what that user may read at the time of the
 * fetch, with their groups as the identity store knows them then, so a revoked share or a removed
 * membership takes its contracts out of the next fetch. Rate-limited ({@link FeedRateLimit}).
 */
@RestController
@Tag(name = "Calendar")
class CalendarFeedController {

  static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

  private final FeedTokens tokens;
  private final FeedRateLimit rateLimit;
  private final UserDirectory directory;
  private final CalendarEvents events;
  private final IcsFeed feed;
  private final Clock clock;

  CalendarFeedController(
      FeedTokens tokens,
      FeedRateLimit rateLimit,
      UserDirectory directory,
      CalendarEvents events,
      IcsFeed feed,
      Clock clock) {
    this.tokens = tokens;
    this.rateLimit = rateLimit;
    this.directory = directory;
    this.events = events;
    this.feed = feed;
    this.clock = clock;
  }

  @GetMapping("/calendar/{token}.ics")
  @SecurityRequirements // no login: the token authorises
  @Operation(
      summary =
          "A personal renewals calendar (text/calendar, RFC 5545) for calendar apps to subscribe"
              + " to; the token comes from POST /api/calendar/feed-tokens")
  ResponseEntity<String> feed(@PathVariable String token, HttpServletRequest http) {
    String source = http.getRemoteAddr();
    rateLimit.before(token, source);
    Optional<CurrentUser> user = tokens.use(token).flatMap(directory::current);
    if (user.isEmpty()) {
      rateLimit.missed(source);
      throw new NotFoundException("No such calendar feed; it may have been revoked");
    }
    String body = feed.write(events.forFeed(user.get()).events(), clock.instant());
    return ResponseEntity.ok()
        .contentType(TEXT_CALENDAR)
        .cacheControl(CacheControl.noStore().cachePrivate())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("contractflow-renewals.ics").build().toString())
        .header("X-Robots-Tag", "noindex")
        .body(body);
  }
}

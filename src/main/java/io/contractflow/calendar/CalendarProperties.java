package io.contractflow.calendar;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The renewals calendar and its personal feeds.
 *
 * @param baseUrl where users reach the platform: feed links and the events' links to the contract
 *     page start here
 * @param feedPast how far back a feed lists events
 * @param feedAhead how far ahead a feed lists events
 * @param decisionLookahead renewal decisions are looked up for contracts whose notice deadline is
 *     at most this long after a window (the decision is due a lead time before the deadline: P30D
 *     as the term model ships)
 * @param noticeAlarms how long before a notice deadline a feed's event reminds (one alarm each)
 * @param maxTokensPerUser feed tokens one user may hold at once
 * @param maxEvents the most contracts one answer lists (the answer says when it is cut)
 * @param feedRequests fetches one feed may make per {@code feedPeriod} (calendar apps poll every
 *     few minutes to hours)
 * @param missesPerSource requests with an unknown or revoked token one source address may make per
 *     {@code feedPeriod} before it is refused unchecked
 * @param feedPeriod the period of both budgets
 */
@ConfigurationProperties("contractflow.calendar")
public record CalendarProperties(
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("P90D") Duration feedPast,
    @DefaultValue("P730D") Duration feedAhead,
    @DefaultValue("P90D") Duration decisionLookahead,
    @DefaultValue("P7D,P1D") List<Duration> noticeAlarms,
    @DefaultValue("10") int maxTokensPerUser,
    @DefaultValue("5000") int maxEvents,
    @DefaultValue("60") int feedRequests,
    @DefaultValue("30") int missesPerSource,
    @DefaultValue("1h") Duration feedPeriod) {

  public CalendarProperties {
    noticeAlarms =
        noticeAlarms == null
            ? List.of()
            : noticeAlarms.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    for (Duration d : List.of(feedPast, feedAhead, decisionLookahead, feedPeriod)) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("contractflow.calendar: " + d + " must not be negative");
      }
    }
    if (feedRequests < 1 || missesPerSource < 1 || maxTokensPerUser < 1 || maxEvents < 1) {
      throw new IllegalArgumentException(
          "contractflow.calendar: feed-requests, misses-per-source, max-tokens-per-user and"
              + " max-events must be at least 1");
    }
  }

  /** The platform's address without a trailing slash. */
  String base() {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}

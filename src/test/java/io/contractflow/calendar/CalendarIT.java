package io.contractflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The renewals calendar over HTTP on PostgreSQL: the events of what the caller may read (never
 * another requester's contract, in the API or in the feed), personal feed links that work without a
 * login until revoked, and the refusals: no login, bad dates, unknown or revoked tokens, a feed
 * fetched too often.
 */
class CalendarIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private CalendarProperties properties;

  private String events(String user, LocalDate from, LocalDate to) {
    return "/api/calendar/events?from=" + from + "&to=" + to;
  }

  /** The caller's events of one contract, by kind. */
  private Map<String, JsonNode> eventsOf(String user, String contractId) {
    Api.Response response =
        api.as(user).get(events(user, today().minusDays(1), today().plusDays(300)));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return StreamSupport.stream(response.json().get("events").spliterator(), false)
        .filter(e -> e.get("contractId").asText().equals(contractId))
        .collect(Collectors.toMap(e -> e.get("kind").asText(), Function.identity()));
  }

  /** Feeds made here, by user, revoked after each test: a user holds a few at most. */
  private final List<String[]> made = new ArrayList<>();

  @AfterEach
  void revokeTheFeedsMadeHere() {
    made.forEach(m -> api.as(m[0]).delete("/api/calendar/feed-tokens/" + m[1]));
  }

  private JsonNode newFeed(String user) {
    Api.Response created =
        api.as(user)
            .post(
                "/api/calendar/feed-tokens", JSON.createObjectNode().put("label", unique("phone")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    made.add(new String[] {user, created.json().get("id").asText()});
    return created.json();
  }

  /** The feed's path on this server (the URL starts with the configured public address). */
  private static String path(JsonNode feed) {
    return URI.create(feed.get("url").asText()).getPath();
  }

  private ICalendar fetch(JsonNode feed) {
    Api.Response response = api.anonymous().get(path(feed));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/calendar");
    return Biweekly.parse(response.body()).first();
  }

  private static Map<String, VEvent> byUid(ICalendar calendar) {
    return calendar.getEvents().stream()
        .collect(Collectors.toMap(e -> e.getUid().getValue(), Function.identity()));
  }

  private static LocalDate day(VEvent event) {
    return event.getDateStart().getValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }

  @Test
  void theCalendarListsNoticeDeadlinesAndEndDatesOfWhatTheCallerMayRead() {
    // ends in 45 days with 30 days' notice, auto-renewing
    JsonNode renewing = createContract("rita");
    String id = renewing.get("id").asText();
    ObjectNode fixed = contractBody(createCounterparty("rita"));
    fixed.put("endDate", today().plusDays(100).toString());
    fixed.putObject("renewal").put("autoRenew", false);
    String fixedId = createContract("rita", fixed).get("id").asText();
    String ravis = createContract("ravi").get("id").asText();

    Map<String, JsonNode> ritas = eventsOf("rita", id);
    assertThat(ritas).containsOnlyKeys("NOTICE_DEADLINE", "END_DATE");
    assertThat(ritas.get("NOTICE_DEADLINE").get("date").asText())
        .isEqualTo(today().plusDays(15).toString());
    assertThat(ritas.get("END_DATE").get("date").asText())
        .isEqualTo(today().plusDays(45).toString());
    JsonNode end = ritas.get("END_DATE");
    assertThat(end.get("title").asText()).isEqualTo(renewing.get("title").asText());
    assertThat(end.get("reference").asText()).isEqualTo(renewing.get("reference").asText());
    assertThat(end.get("status").asText()).isEqualTo("DRAFT");
    assertThat(end.get("url").asText()).isEqualTo(properties.base() + "/contracts/" + id);
    assertThat(end.get("uid").asText()).isEqualTo("end-date." + id + "@contractflow");
    assertThat(eventsOf("rita", fixedId))
        .as("a contract that does not renew has no notice deadline")
        .containsOnlyKeys("END_DATE");

    assertThat(eventsOf("rita", ravis)).as("ravi's contract, for rita").isEmpty();
    assertThat(eventsOf("ravi", id)).as("rita's contract, for ravi").isEmpty();
    assertThat(eventsOf("admin", id)).containsOnlyKeys("NOTICE_DEADLINE", "END_DATE");
    assertThat(eventsOf("audrey", ravis)).containsOnlyKeys("NOTICE_DEADLINE", "END_DATE");

    // the window is a window: a day after the end date lists nothing of it
    Api.Response later =
        api.as("rita").get(events("rita", today().plusDays(46), today().plusDays(200)));
    assertThat(later.body()).doesNotContain(id);
  }

  @Test
  void aFeedListsWhatItsUserMayReadAtEachFetchWithoutALogin() {
    JsonNode ritas = createContract("rita");
    String id = ritas.get("id").asText();
    JsonNode ravis = createContract("ravi");
    String raviId = ravis.get("id").asText();
    JsonNode feed = newFeed("rita");
    assertThat(feed.get("url").asText())
        .startsWith(properties.base() + "/calendar/")
        .endsWith(".ics");

    ICalendar calendar = fetch(feed);
    Map<String, VEvent> events = byUid(calendar);
    VEvent notice = events.get("notice-deadline." + id + "@contractflow");
    assertThat(notice).as("rita's notice deadline in " + events.keySet()).isNotNull();
    assertThat(day(notice)).isEqualTo(today().plusDays(15));
    assertThat(notice.getSummary().getValue()).contains(ritas.get("title").asText());
    assertThat(notice.getUrl().getValue()).isEqualTo(properties.base() + "/contracts/" + id);
    assertThat(notice.getAlarms()).hasSize(properties.noticeAlarms().size());
    assertThat(events).containsKey("end-date." + id + "@contractflow");
    assertThat(events.keySet()).noneMatch(uid -> uid.contains(raviId));

    // ravi shares his contract with rita: it appears at the next fetch, and goes when he stops
    Api.Response shared =
        api.as("ravi")
            .put(
                "/api/contracts/" + raviId + "/shares",
                JSON.createObjectNode()
                    .put("principalType", "USER")
                    .put("principalId", "rita")
                    .put("permission", "VIEW"));
    assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
    assertThat(byUid(fetch(feed))).containsKey("end-date." + raviId + "@contractflow");
    assertThat(eventsOf("rita", raviId)).containsKey("END_DATE");
    assertThat(api.as("ravi").delete("/api/contracts/" + raviId + "/shares/USER/rita").status())
        .isEqualTo(204);
    assertThat(byUid(fetch(feed)).keySet()).noneMatch(uid -> uid.contains(raviId));
    assertThat(eventsOf("rita", raviId)).isEmpty();

    // another user's feed is theirs
    assertThat(byUid(fetch(newFeed("ravi"))).keySet())
        .contains("end-date." + raviId + "@contractflow")
        .noneMatch(uid -> uid.contains(id));
  }

  @Test
  void feedsAreListedWithoutTheirSecretAndARevokedFeedIsGone() {
    JsonNode feed = newFeed("rita");
    String secret = path(feed).replace("/calendar/", "").replace(".ics", "");
    assertThat(secret).hasSize(43);

    Api.Response mine = api.as("rita").get("/api/calendar/feed-tokens");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body()).contains(feed.get("id").asText()).doesNotContain(secret);
    assertThat(api.as("ravi").get("/api/calendar/feed-tokens").body())
        .doesNotContain(feed.get("id").asText());

    assertThat(api.anonymous().get(path(feed)).status()).isEqualTo(200);
    assertThat(
            api.as("ravi").delete("/api/calendar/feed-tokens/" + feed.get("id").asText()).status())
        .as("not ravi's to revoke")
        .isEqualTo(404);
    assertThat(api.anonymous().get(path(feed)).status()).isEqualTo(200);

    assertThat(
            api.as("rita").delete("/api/calendar/feed-tokens/" + feed.get("id").asText()).status())
        .isEqualTo(204);
    Api.Response revoked = api.anonymous().get(path(feed));
    assertThat(revoked.status()).isEqualTo(404);
    assertThat(revoked.contentType()).startsWith("application/problem+json");
    assertThat(api.as("rita").get("/api/calendar/feed-tokens").body())
        .doesNotContain(feed.get("id").asText());
    assertThat(
            api.as("rita").delete("/api/calendar/feed-tokens/" + feed.get("id").asText()).status())
        .as("revoked once")
        .isEqualTo(404);

    // a token that was never issued, and one that could not be
    assertThat(api.anonymous().get("/calendar/" + "A".repeat(43) + ".ics").status()).isEqualTo(404);
    assertThat(api.anonymous().get("/calendar/not-a-token.ics").status()).isEqualTo(404);
  }

  @Test
  void theApiNeedsALoginAndRefusesBadDates() {
    assertThat(api.anonymous().get("/api/calendar/events").status()).isEqualTo(401);
    assertThat(api.anonymous().get("/api/calendar/feed-tokens").status()).isEqualTo(401);
    assertThat(api.anonymous().post("/api/calendar/feed-tokens", null).status()).isEqualTo(401);
    assertThat(
            api.anonymous()
                .delete("/api/calendar/feed-tokens/" + java.util.UUID.randomUUID())
                .status())
        .isEqualTo(401);

    for (String query :
        List.of(
            "from=tomorrow",
            "to=2026-13-01",
            "from=" + today() + "&to=" + today().minusDays(1),
            "from=" + today() + "&to=" + today().plusDays(367))) {
      Api.Response response = api.as("rita").get("/api/calendar/events?" + query);
      assertThat(response.status()).as(query + ": " + response).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    Api.Response defaults = api.as("rita").get("/api/calendar/events");
    assertThat(defaults.status()).isEqualTo(200);
    assertThat(defaults.json().get("from").asText()).isEqualTo(today().toString());
    assertThat(defaults.json().get("to").asText()).isEqualTo(today().plusDays(90).toString());

    Api.Response longLabel =
        api.as("rita")
            .post(
                "/api/calendar/feed-tokens", JSON.createObjectNode().put("label", "x".repeat(101)));
    assertThat(longLabel.status()).as(longLabel.toString()).isEqualTo(400);
  }

  @Test
  void aUserHoldsAFewFeedsAtMost() {
    Api.Response refused = null;
    for (int i = 0; i <= properties.maxTokensPerUser() && refused == null; i++) {
      Api.Response created = api.as("sam").post("/api/calendar/feed-tokens", null);
      if (created.status() == 201) {
        made.add(new String[] {"sam", created.json().get("id").asText()});
      } else {
        refused = created;
      }
    }
    assertThat(refused).as("the feed after the most one may hold").isNotNull();
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(api.as("sam").get("/api/calendar/feed-tokens").json().size())
        .isEqualTo(properties.maxTokensPerUser());
  }

  @Test
  void aFeedFetchedTooOftenIsRefusedForAWhile() {
    JsonNode feed = newFeed("rita");
    int refusedAt = -1;
    Api.Response refused = null;
    for (int i = 1; i <= properties.feedRequests() + 1 && refusedAt < 0; i++) {
      Api.Response response = api.anonymous().get(path(feed));
      if (response.status() == 429) {
        refusedAt = i;
        refused = response;
      } else {
        assertThat(response.status()).isEqualTo(200);
      }
    }
    assertThat(refusedAt).isEqualTo(properties.feedRequests() + 1);
    assertThat(refused.headers().firstValue("Retry-After").orElse("")).isNotBlank();
    assertThat(refused.contentType()).startsWith("application/problem+json");
    // another feed has its own budget
    assertThat(api.anonymous().get(path(newFeed("rita"))).status()).isEqualTo(200);
  }

  @Test
  void anActiveContractShowsWhenItsRenewalDecisionIsDue() {
    // an NDA of 500 EUR needs no approver; it ends in 200 days with 30 days' notice, and the term
    // model asks for the decision 30 days before the deadline: 59 days before the end date
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.put("type", "NDA").putObject("value").put("amount", 500).put("currency", "EUR");
    LocalDate end = today().plusDays(200);
    body.put("startDate", today().minusDays(10).toString());
    body.put("endDate", end.toString());
    String id = createContract("rita", body).get("id").asText();
    submitAndSign("rita", id);

    Map<String, JsonNode> events =
        await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> eventsOf("rita", id), e -> e.containsKey("RENEWAL_DECISION"));
    assertThat(events.get("RENEWAL_DECISION").get("date").asText())
        .isEqualTo(end.minusDays(59).toString());
    assertThat(events.get("RENEWAL_DECISION").get("status").asText()).isEqualTo("ACTIVE");
    assertThat(events.get("NOTICE_DEADLINE").get("date").asText())
        .isEqualTo(end.minusDays(30).toString());
    assertThat(eventsOf("ravi", id)).isEmpty();
  }
}

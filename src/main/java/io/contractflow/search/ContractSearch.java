package io.contractflow.search;

import io.contractflow.contract.ReaderPrincipals;
import io.contractflow.counterparty.CounterpartyService;
import io.contractflow.customfield.CustomFieldDefinition;
import io.contractflow.customfield.CustomFieldDefinitions;
import io.contractflow.customfield.FieldKind;
import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.UnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.TotalHitsRelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Searches the contracts a caller may read. Every query is filtered by the caller's principals
 * (unless they read everything), so hits, highlights and facet counts come only from readable
 * contracts. The query text uses the query-string syntax over title, reference, description,
 * counterparty, tags and document text, with wildcard, regex and fuzzy expansion bounded; a syntax
 * error is a 400 problem, an unreachable cluster a 503.
 */
@Service
class ContractSearch {

  private static final Logger log = LoggerFactory.getLogger(ContractSearch.class);

  static final Map<String, String> SORTABLE =
      Map.ofEntries(
          Map.entry("reference", "reference"),
          Map.entry("title", "title.keyword"),
          Map.entry("type", "type"),
          Map.entry("status", "status"),
          Map.entry("counterparty", "counterpartyName.keyword"),
          Map.entry("owner", "owner"),
          Map.entry("startDate", "startDate"),
          Map.entry("endDate", "endDate"),
          Map.entry("value", "valueAmount"),
          Map.entry("createdAt", "createdAt"),
          Map.entry("updatedAt", "updatedAt"));

  private static final List<String> FIELDS =
      List.of(
          "title^4",
          "reference^4",
          "counterpartyName^3",
          "tags.text^2",
          "description^2",
          "documentText");
  private static final List<String> SOURCE =
      List.of(
          "id",
          "reference",
          "title",
          "type",
          "status",
          "counterpartyId",
          "counterpartyName",
          "owner",
          "valueAmount",
          "currency",
          "startDate",
          "endDate",
          "tags",
          "customFields",
          "documentVersion");
  private static final int FACET_SIZE = 20;
  private static final int MAX_CUSTOM_FACETS = 10;
  private static final String CUSTOM_FACET = "cf_";

  private final OpenSearchClient client;
  private final ContractIndex index;
  private final CustomFieldDefinitions customFields;
  private final CounterpartyService counterparties;
  private final SearchProperties.Query limits;
  private final Clock clock;

  /** Without custom fields (no facets of theirs): for a search outside the platform. */
  ContractSearch(
      OpenSearchClient client, ContractIndex index, SearchProperties properties, Clock clock) {
    this(client, index, null, null, properties, clock);
  }

  @org.springframework.beans.factory.annotation.Autowired
  ContractSearch(
      OpenSearchClient client,
      ContractIndex index,
      CustomFieldDefinitions customFields,
      CounterpartyService counterparties,
      SearchProperties properties,
      Clock clock) {
    this.client = client;
    this.index = index;
    this.customFields = customFields;
    this.counterparties = counterparties;
    this.limits = properties.query();
    this.clock = clock;
  }

  SearchResults search(CurrentUser user, SearchCriteria asked) {
    SearchCriteria criteria = withCustomFieldTerms(asked);
    List<CustomFieldDefinition> faceted = criteria.facets() ? faceted(criteria) : List.of();
    SearchRequest request = request(user, criteria, faceted);
    SearchResponse<IndexedContract> response;
    try {
      response = client.search(request, IndexedContract.class);
    } catch (OpenSearchException e) {
      if (e.status() == 400) {
        throw new InvalidInputException(
            "invalid-query",
            "The query cannot be parsed: " + rootReason(e),
            List.of(new FieldError("q", "is not a valid query")));
      }
      throw unavailable(e);
    } catch (IOException e) {
      throw unavailable(e);
    }
    return results(criteria, response, faceted);
  }

  /**
   * The criteria with each custom field filter's values as the index holds them (a choice in its
   * defined spelling, a number in plain notation, money as {@code 1200.50 EUR}).
   *
   * @throws InvalidInputException naming each filter of no custom field or with a value its field
   *     cannot hold
   */
  private SearchCriteria withCustomFieldTerms(SearchCriteria c) {
    if (c.customFields() == null || c.customFields().isEmpty()) {
      return c;
    }
    Map<String, List<String>> terms = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    c.customFields()
        .forEach(
            (key, values) -> {
              var field = customFields == null ? null : customFields.byKey(key).orElse(null);
              if (field == null) {
                errors.add(new FieldError("cf." + key, "is not a custom field"));
                return;
              }
              List<String> canonical = new ArrayList<>();
              for (String value : values) {
                try {
                  canonical.add(customFields.searchTerm(field, value));
                } catch (IllegalArgumentException invalid) {
                  errors.add(new FieldError("cf." + key, invalid.getMessage()));
                }
              }
              terms.put(key, canonical);
            });
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return c.withCustomFields(terms);
  }

  /**
   * The custom fields whose values are counted: choices and parties of the types searched (of every
   * type when none is named).
   */
  private List<CustomFieldDefinition> faceted(SearchCriteria c) {
    if (customFields == null) {
      return List.of();
    }
    return customFields.active(null).stream()
        .filter(CustomFieldDefinition::faceted)
        .filter(
            f ->
                c.types() == null
                    || c.types().isEmpty()
                    || f.contractType() == null
                    || c.types().contains(f.contractType().name()))
        .limit(MAX_CUSTOM_FACETS)
        .toList();
  }

  private SearchRequest request(
      CurrentUser user, SearchCriteria c, List<CustomFieldDefinition> faceted) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    if (c.text() != null) {
      bool.must(
          Query.of(
              q ->
                  q.queryString(
                      qs ->
                          qs.query(c.text())
                              .fields(FIELDS)
                              .defaultOperator(Operator.And)
                              .allowLeadingWildcard(false)
                              .analyzeWildcard(false)
                              .fuzzyMaxExpansions(limits.maxExpansions())
                              .maxDeterminizedStates(2000)
                              .rewrite("top_terms_" + limits.maxExpansions())
                              .fuzzyRewrite("top_terms_" + limits.maxExpansions())
                              .lenient(true))));
    } else {
      bool.must(Query.of(q -> q.matchAll(m -> m)));
    }
    Optional<Set<String>> principals = ReaderPrincipals.ofCaller(user);
    principals.ifPresent(p -> bool.filter(terms("readers", List.copyOf(p))));
    addTerms(bool, "type", c.types());
    addTerms(bool, "status", c.statuses());
    addTerms(
        bool,
        "counterpartyId",
        c.counterpartyIds() == null
            ? null
            : c.counterpartyIds().stream().map(Object::toString).toList());
    addTerms(bool, "owner", c.owners());
    if (c.tags() != null) {
      c.tags().forEach(tag -> bool.filter(terms("tags", List.of(tag))));
    }
    addRange(bool, "startDate", c.startFrom(), c.startTo());
    addRange(bool, "endDate", c.endFrom(), c.endTo());
    if (c.expiringWithinDays() != null) {
      LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
      addRange(bool, "endDate", today, today.plusDays(c.expiringWithinDays()));
    }
    if (c.valueMin() != null || c.valueMax() != null) {
      bool.filter(
          Query.of(
              q ->
                  q.range(
                      r -> {
                        r.field("valueAmount");
                        if (c.valueMin() != null) {
                          r.gte(JsonData.of(c.valueMin()));
                        }
                        if (c.valueMax() != null) {
                          r.lte(JsonData.of(c.valueMax()));
                        }
                        return r;
                      })));
    }
    if (c.currency() != null) {
      bool.filter(terms("currency", List.of(c.currency())));
    }
    if (c.customFields() != null) {
      c.customFields()
          .forEach(
              (key, values) ->
                  bool.filter(
                      terms(
                          "customFields",
                          values.stream().map(v -> IndexedCustomFields.term(key, v)).toList())));
    }
    Query query = Query.of(q -> q.bool(bool.build()));

    SearchRequest.Builder request =
        new SearchRequest.Builder()
            .index(index.alias())
            .query(query)
            .size(c.size())
            .trackTotalHits(t -> t.count(10_000))
            .source(s -> s.filter(f -> f.includes(SOURCE)))
            .sort(sort(c));
    if (c.after() != null) {
      request.searchAfter(c.after().values());
    } else {
      request.from(c.page() * c.size());
    }
    if (c.text() != null) {
      request.highlight(
          h ->
              h.encoder(HighlighterEncoder.Html)
                  .preTags("<em>")
                  .postTags("</em>")
                  .requireFieldMatch(false)
                  .fields("title", f -> f.numberOfFragments(0))
                  .fields("description", f -> f.fragmentSize(150).numberOfFragments(2))
                  .fields("documentText", f -> f.fragmentSize(160).numberOfFragments(3)));
    }
    if (c.facets()) {
      request.aggregations(
          "status", Aggregation.of(a -> a.terms(t -> t.field("status").size(FACET_SIZE))));
      request.aggregations(
          "type", Aggregation.of(a -> a.terms(t -> t.field("type").size(FACET_SIZE))));
      request.aggregations(
          "counterparty",
          Aggregation.of(
              a ->
                  a.terms(t -> t.field("counterpartyId").size(FACET_SIZE))
                      .aggregations(
                          "name",
                          Aggregation.of(
                              n -> n.terms(t -> t.field("counterpartyName.keyword").size(1))))));
      for (CustomFieldDefinition field : faceted) {
        request.aggregations(
            CUSTOM_FACET + field.key(),
            Aggregation.of(
                a ->
                    a.terms(
                        t ->
                            t.field("customFields")
                                .include(i -> i.regexp(field.key() + "=.*"))
                                .size(FACET_SIZE))));
      }
    }
    return request.build();
  }

  /**
   * The sort: relevance or one field, then the id so that every hit has a place of its own
   * (search_after).
   */
  static List<SortOptions> sort(SearchCriteria c) {
    List<SortOptions> sort = new ArrayList<>();
    if (c.sortField() == null) {
      sort.add(SortOptions.of(s -> s.score(x -> x.order(SortOrder.Desc))));
    } else {
      String field = SORTABLE.get(c.sortField());
      sort.add(
          SortOptions.of(
              s ->
                  s.field(
                      f ->
                          f.field(field)
                              .order(c.ascending() ? SortOrder.Asc : SortOrder.Desc)
                              .missing(FieldValue.of("_last")))));
    }
    sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
    return sort;
  }

  private SearchResults results(
      SearchCriteria c,
      SearchResponse<IndexedContract> response,
      List<CustomFieldDefinition> faceted) {
    List<SearchResults.Hit> hits = new ArrayList<>();
    for (Hit<IndexedContract> hit : response.hits().hits()) {
      IndexedContract s = hit.source();
      if (s == null) {
        continue;
      }
      Map<String, List<String>> highlights = hit.highlight() == null ? Map.of() : hit.highlight();
      hits.add(
          new SearchResults.Hit(
              s.id(),
              s.reference(),
              s.title(),
              s.type(),
              s.status(),
              new SearchResults.Party(s.counterpartyId(), s.counterpartyName()),
              s.owner(),
              new SearchResults.Amount(s.valueAmount(), s.currency()),
              s.startDate(),
              s.endDate(),
              s.tags() == null ? List.of() : s.tags(),
              IndexedCustomFields.values(s.customFields()),
              s.documentVersion(),
              hit.score(),
              highlights));
    }
    Map<String, List<SearchResults.Facet>> facets = new LinkedHashMap<>();
    if (c.facets() && response.aggregations() != null) {
      facets.put("status", buckets(response.aggregations().get("status"), false));
      facets.put("type", buckets(response.aggregations().get("type"), false));
      facets.put("counterparty", buckets(response.aggregations().get("counterparty"), true));
      for (CustomFieldDefinition field : faceted) {
        facets.put(
            "cf." + field.key(),
            customBuckets(field, response.aggregations().get(CUSTOM_FACET + field.key())));
      }
    }
    var total = response.hits().total();
    List<Hit<IndexedContract>> raw = response.hits().hits();
    String next =
        raw.size() == c.size() && !raw.isEmpty() && raw.get(raw.size() - 1).sort() != null
            ? SearchCursor.of(raw.get(raw.size() - 1).sort()).encode()
            : null;
    return new SearchResults(
        total == null ? hits.size() : total.value(),
        total == null || total.relation() == TotalHitsRelation.Eq,
        c.after() == null ? c.page() : 0,
        c.size(),
        hits,
        facets,
        next);
  }

  private static List<SearchResults.Facet> buckets(Aggregate aggregate, boolean named) {
    if (aggregate == null || !aggregate.isSterms()) {
      return List.of();
    }
    List<SearchResults.Facet> facets = new ArrayList<>();
    for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
      String name = null;
      if (named) {
        Aggregate names = bucket.aggregations().get("name");
        if (names != null && names.isSterms() && !names.sterms().buckets().array().isEmpty()) {
          name = names.sterms().buckets().array().get(0).key();
        }
      }
      facets.add(new SearchResults.Facet(bucket.key(), name, bucket.docCount()));
    }
    return facets;
  }

  /** A custom field's counts: the values without their key; a party's named. */
  private List<SearchResults.Facet> customBuckets(
      CustomFieldDefinition field, Aggregate aggregate) {
    List<SearchResults.Facet> facets = new ArrayList<>();
    for (SearchResults.Facet bucket : buckets(aggregate, false)) {
      String value = bucket.value().substring(field.key().length() + 1);
      String name = null;
      if (field.kind() == FieldKind.PARTY) {
        try {
          name =
              counterparties
                  .find(java.util.UUID.fromString(value))
                  .map(cp -> cp.getName())
                  .orElse(null);
        } catch (IllegalArgumentException notAnId) {
          name = null;
        }
      }
      facets.add(new SearchResults.Facet(value, name, bucket.count()));
    }
    return facets;
  }

  private static Query terms(String field, List<String> values) {
    List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
  }

  private static void addTerms(BoolQuery.Builder bool, String field, List<String> values) {
    if (values != null && !values.isEmpty()) {
      bool.filter(terms(field, values));
    }
  }

  private static void addRange(BoolQuery.Builder bool, String field, LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return;
    }
    bool.filter(
        Query.of(
            q ->
                q.range(
                    r -> {
                      r.field(field);
                      if (from != null) {
                        r.gte(JsonData.of(from.toString()));
                      }
                      if (to != null) {
                        r.lte(JsonData.of(to.toString()));
                      }
                      return r;
                    })));
  }

  private static String rootReason(OpenSearchException e) {
    var cause = e.error();
    String reason = cause.reason();
    if (cause.rootCause() != null && !cause.rootCause().isEmpty()) {
      reason = cause.rootCause().get(0).reason();
    }
    if (cause.causedBy() != null && cause.causedBy().reason() != null) {
      reason = cause.causedBy().reason();
    }
    return reason == null
        ? "syntax error"
        : reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
  }

  private static UnavailableException unavailable(Exception e) {
    log.warn("Search is unavailable: {}", e.toString());
    return new UnavailableException(
        "search-unavailable", "Search cannot be reached right now; try again later");
  }
}

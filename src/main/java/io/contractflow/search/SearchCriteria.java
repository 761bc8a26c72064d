package io.contractflow.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One search, as the API received it and checked it.
 *
 * @param text query text in the query-string syntax (empty: everything the caller may read)
 * @param tags every tag must be on the contract
 * @param expiringWithinDays end date from today to today + N days
 * @param sortField a public sort name, or null for relevance
 * @param after the cursor of the previous page's last hit (deep paging), or null
 * @param customFields custom field filters: by key, the values one of which the contract holds (in
 *     the index's form, see {@link IndexedCustomFields})
 */
record SearchCriteria(
    String text,
    List<String> types,
    List<String> statuses,
    List<UUID> counterpartyIds,
    List<String> owners,
    List<String> tags,
    LocalDate startFrom,
    LocalDate startTo,
    LocalDate endFrom,
    LocalDate endTo,
    BigDecimal valueMin,
    BigDecimal valueMax,
    String currency,
    Integer expiringWithinDays,
    String sortField,
    boolean ascending,
    int page,
    int size,
    SearchCursor after,
    boolean facets,
    Map<String, List<String>> customFields) {

  /** The same search from its first hit, {@code size} at a time, without facets. */
  SearchCriteria firstPage(int size) {
    return paged(0, size, null, false, customFields);
  }

  /** The same search with these custom field filters. */
  SearchCriteria withCustomFields(Map<String, List<String>> filters) {
    return paged(page, size, after, facets, filters);
  }

  /** The same search from after the hit {@code cursor} points at. */
  SearchCriteria after(SearchCursor cursor) {
    return paged(0, size, cursor, facets, customFields);
  }

  /** The same text, filters and order with this paging, facets and custom field filters. */
  private SearchCriteria paged(
      int page,
      int size,
      SearchCursor after,
      boolean facets,
      Map<String, List<String>> customFields) {
    return new SearchCriteria(
        text,
        types,
        statuses,
        counterpartyIds,
        owners,
        tags,
        startFrom,
        startTo,
        endFrom,
        endTo,
        valueMin,
        valueMax,
        currency,
        expiringWithinDays,
        sortField,
        ascending,
        page,
        size,
        after,
        facets,
        customFields);
  }
}

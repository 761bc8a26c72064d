package io.contractflow.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A page of search results.
 *
 * @param total how many contracts match, counted up to 10,000 ({@code totalExact} false beyond)
 * @param nextCursor pass as {@code after} for the next page (null on the last page)
 */
record SearchResults(
    long total,
    boolean totalExact,
    int page,
    int size,
    List<Hit> hits,
    Map<String, List<Facet>> facets,
    String nextCursor) {

  /** One contract found, with the passages that matched. */
  record Hit(
      String id,
      String reference,
      String title,
      String type,
      String status,
      Party counterparty,
      String owner,
      Amount value,
      LocalDate startDate,
      LocalDate endDate,
      List<String> tags,
      Map<String, String> customFields,
      Integer documentVersion,
      Double score,
      Map<String, List<String>> highlights) {}

  record Party(String id, String name) {}

  record Amount(BigDecimal amount, String currency) {}

  /**
   * A count of matching contracts per value; {@code name} is the counterparty's name for
   * counterparty facets.
   */
  record Facet(String value, String name, long count) {}
}

package io.contractflow.search;

import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.export.KeyedColumns;
import io.contractflow.platform.export.TableFile;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A search's hits as a file: the same query, filters and sort as the page the user sees, every hit
 * (not just the page) read with {@code search_after}, at most {@link #LIMIT} rows (the header
 * {@code X-Export-Truncated: true} says more matched). Access-filtered as the search is. After the
 * facts, a column {@code cf.<key>} per custom field that a hit holds a value of, by key, the value
 * as search names it.
 */
@Component
class SearchExport {

  static final int LIMIT = 10_000;

  private static final List<String> HEADINGS =
      List.of(
          "Reference",
          "Title",
          "Type",
          "Status",
          "Counterparty",
          "Owner",
          "Start",
          "End",
          "Value",
          "Currency",
          "Tags");

  private final ContractSearch search;
  private final Clock clock;
  private final int pageSize;

  SearchExport(ContractSearch search, SearchProperties properties, Clock clock) {
    this.search = search;
    this.clock = clock;
    this.pageSize = properties.query().maxPageSize();
  }

  ResponseEntity<byte[]> download(CurrentUser user, SearchCriteria criteria, String format) {
    List<SearchResults.Hit> hits = new ArrayList<>();
    boolean truncated = false;
    SearchCriteria page = criteria.firstPage(pageSize);
    while (true) {
      SearchResults found = search.search(user, page);
      for (SearchResults.Hit hit : found.hits()) {
        if (hits.size() == LIMIT) {
          truncated = true;
          break;
        }
        hits.add(hit);
      }
      if (truncated || found.nextCursor() == null) {
        break;
      }
      page = page.after(SearchCursor.decode(found.nextCursor(), 2));
    }
    KeyedColumns custom =
        KeyedColumns.of("cf.", hits.stream().map(SearchResults.Hit::customFields).toList());
    List<List<Object>> rows =
        hits.stream().map(hit -> custom.row(row(hit), hit.customFields(), v -> v)).toList();
    ResponseEntity<byte[]> file =
        TableFile.download(
            "contracts", LocalDate.now(clock), format, custom.headings(HEADINGS), rows);
    return ResponseEntity.status(file.getStatusCode())
        .headers(file.getHeaders())
        .header("X-Export-Rows", String.valueOf(rows.size()))
        .header("X-Export-Truncated", String.valueOf(truncated))
        .body(file.getBody());
  }

  private static List<Object> row(SearchResults.Hit hit) {
    List<Object> row = new ArrayList<>();
    row.add(hit.reference());
    row.add(hit.title());
    row.add(hit.type());
    row.add(hit.status());
    row.add(hit.counterparty() == null ? null : hit.counterparty().name());
    row.add(hit.owner());
    row.add(hit.startDate());
    row.add(hit.endDate());
    row.add(hit.value() == null ? null : hit.value().amount());
    row.add(hit.value() == null ? null : hit.value().currency());
    row.add(String.join(", ", hit.tags()));
    return row;
  }
}

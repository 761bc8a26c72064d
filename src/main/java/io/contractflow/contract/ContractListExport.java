package io.contractflow.contract;

import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.export.TableFile;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract list as a file: what the caller may read, filtered and sorted as the list is, read
 * in pages, at most {@link #LIMIT} rows (the header {@code X-Export-Truncated: true} says more
 * matched).
 */
@Component
class ContractListExport {

  static final int LIMIT = 10_000;
  private static final int PAGE = 500;

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
          "Tags",
          "Created",
          "Updated");

  private final ContractService contracts;
  private final Clock clock;

  ContractListExport(ContractService contracts, Clock clock) {
    this.contracts = contracts;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  ResponseEntity<byte[]> download(
      CurrentUser user, ContractFilter filter, Sort sort, String format) {
    List<List<Object>> rows = new ArrayList<>();
    boolean truncated = false;
    for (int page = 0; ; page++) {
      Page<ContractResponse> found = contracts.list(user, filter, PageRequest.of(page, PAGE, sort));
      for (ContractResponse contract : found.getContent()) {
        if (rows.size() == LIMIT) {
          truncated = true;
          break;
        }
        rows.add(row(contract));
      }
      if (truncated || !found.hasNext() || found.getContent().isEmpty()) {
        break;
      }
    }
    ResponseEntity<byte[]> file =
        TableFile.download("contracts", LocalDate.now(clock), format, HEADINGS, rows);
    return ResponseEntity.status(file.getStatusCode())
        .headers(file.getHeaders())
        .header("X-Export-Rows", String.valueOf(rows.size()))
        .header("X-Export-Truncated", String.valueOf(truncated))
        .body(file.getBody());
  }

  private static List<Object> row(ContractResponse c) {
    List<Object> row = new ArrayList<>();
    row.add(c.reference());
    row.add(c.title());
    row.add(c.type() == null ? null : c.type().name());
    row.add(c.status().name());
    row.add(c.counterparty() == null ? null : c.counterparty().name());
    row.add(c.owner());
    row.add(c.startDate() == null ? null : c.startDate().toString());
    row.add(c.endDate() == null ? null : c.endDate().toString());
    row.add(c.value() == null ? null : c.value().amount());
    row.add(c.value() == null ? null : c.value().currency());
    row.add(c.tags() == null ? null : String.join(", ", c.tags()));
    row.add(c.createdAt() == null ? null : c.createdAt().toString());
    row.add(c.updatedAt() == null ? null : c.updatedAt().toString());
    return row;
  }
}

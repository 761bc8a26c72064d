package io.contractflow.contract;

import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.export.KeyedColumns;
import io.contractflow.platform.export.TableFile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract list as a file: what the caller may read, filtered and sorted as the list is, read
 * in pages, at most {@link #LIMIT} rows (the header {@code X-Export-Truncated: true} says more
 * matched). After the facts, a column {@code cf.<key>} per custom field that an exported contract
 * holds a value of, by key.
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
    List<ContractResponse> listed = new ArrayList<>();
    boolean truncated = false;
    for (int page = 0; ; page++) {
      Page<ContractResponse> found = contracts.list(user, filter, PageRequest.of(page, PAGE, sort));
      for (ContractResponse contract : found.getContent()) {
        if (listed.size() == LIMIT) {
          truncated = true;
          break;
        }
        listed.add(contract);
      }
      if (truncated || !found.hasNext() || found.getContent().isEmpty()) {
        break;
      }
    }
    KeyedColumns custom =
        KeyedColumns.of("cf.", listed.stream().map(ContractResponse::customFields).toList());
    List<List<Object>> rows =
        listed.stream()
            .map(c -> custom.row(row(c), c.customFields(), ContractListExport::customValue))
            .toList();
    ResponseEntity<byte[]> file =
        TableFile.download(
            "contracts", LocalDate.now(clock), format, custom.headings(HEADINGS), rows);
    return ResponseEntity.status(file.getStatusCode())
        .headers(file.getHeaders())
        .header("X-Export-Rows", String.valueOf(rows.size()))
        .header("X-Export-Truncated", String.valueOf(truncated))
        .body(file.getBody());
  }

  /**
   * A custom field's value in a cell, as search and the reports name it: numbers in plain notation,
   * money as {@code 1200.50 EUR}, dates as {@code yyyy-mm-dd}, parties by counterparty id, text and
   * choices as they are; empty when the contract holds none.
   */
  static String customValue(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal number) {
      return plain(number);
    }
    if (value instanceof Map<?, ?> money) {
      BigDecimal amount = new BigDecimal(String.valueOf(money.get("amount")));
      String currency = String.valueOf(money.get("currency"));
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return (digits < 0 ? amount : amount.setScale(digits, RoundingMode.HALF_EVEN)).toPlainString()
          + " "
          + currency;
    }
    return String.valueOf(value);
  }

  private static String plain(BigDecimal number) {
    BigDecimal n = number.stripTrailingZeros();
    return (n.scale() < 0 ? n.setScale(0) : n).toPlainString();
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

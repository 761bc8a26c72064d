package io.contractflow.search;

import io.contractflow.contract.ContractStatus;
import io.contractflow.contract.ContractType;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.export.TableFile;
import io.contractflow.platform.validation.Iso4217Currency;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/search")
@Tag(name = "Search", description = "Full-text search over the contracts you may read")
class SearchController {

  /** A wildcard, regex or fuzzy term: each one expands to many terms. */
  private static final Pattern MULTI_TERM = Pattern.compile("/[^/]*/|\\S*[*?]\\S*|\\S+~\\d*");

  private static final int MAX_FILTER_VALUES = 50;
  private static final int MAX_CUSTOM_FILTERS = 10;

  private final ContractSearch search;
  private final SearchExport export;
  private final CurrentUserProvider currentUser;
  private final SearchProperties.Query limits;

  SearchController(
      ContractSearch search,
      SearchExport export,
      CurrentUserProvider currentUser,
      SearchProperties properties) {
    this.search = search;
    this.export = export;
    this.currentUser = currentUser;
    this.limits = properties.query();
  }

  @GetMapping("/contracts")
  @Operation(
      summary =
          "Search the contracts you may read: full text with highlights, filters, facets, sorting, paging",
      description =
          "q uses the query-string syntax (words must all match; \"a phrase\", OR, -word, field:value, "
              + "a trailing * or ?, /regex/ and word~ are allowed, a few at a time) over title, reference, counterparty, "
              + "tags, description and the current document's text. sort is relevance (default) or field,asc|desc with "
              + "field one of reference, title, type, status, counterparty, owner, startDate, endDate, value, createdAt, "
              + "updatedAt. Page with page/size, or past 10,000 hits with after=nextCursor. "
              + "cf.<key>=value filters by a custom field (repeat it for any of several values; "
              + "money as '1200.50 EUR', a party by counterparty id); facets count the values of "
              + "the choice and party fields as cf.<key>.")
  @ApiResponse(
      responseCode = "200",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = SearchResults.class)),
        @Content(mediaType = TableFile.CSV, schema = @Schema(type = "string")),
        @Content(mediaType = TableFile.XLSX, schema = @Schema(type = "string", format = "binary"))
      })
  ResponseEntity<?> contracts(
      @Parameter(description = "the query text") @RequestParam(required = false) String q,
      @RequestParam(required = false) List<ContractType> type,
      @RequestParam(required = false) List<ContractStatus> status,
      @RequestParam(required = false) List<UUID> counterpartyId,
      @RequestParam(required = false) List<String> owner,
      @Parameter(description = "every tag given must be on the contract")
          @RequestParam(required = false)
          List<String> tag,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate startFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate startTo,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate endFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate endTo,
      @RequestParam(required = false) @DecimalMin("0") BigDecimal valueMin,
      @RequestParam(required = false) @DecimalMin("0") BigDecimal valueMax,
      @RequestParam(required = false) @Iso4217Currency String currency,
      @Parameter(description = "end date between today and today + N days")
          @RequestParam(required = false)
          @Min(0)
          @Max(3650)
          Integer expiringWithinDays,
      @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false)
          String after,
      @Parameter(description = "counts by status, type and counterparty")
          @RequestParam(defaultValue = "true")
          boolean facets,
      @Parameter(
              description =
                  "csv or xlsx: every hit in this order as a download (page, size, after ignored; "
                      + "at most 10,000 rows, X-Export-Truncated: true when more matched)")
          @RequestParam(required = false)
          String format,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
    if (format != null && !TableFile.isFormat(format)) {
      throw ApiException.invalid("format", "must be csv or xlsx");
    }
    String text = text(q);
    if (page < 0) {
      throw ApiException.invalid("page", "must be 0 or more");
    }
    if (size < 1 || size > limits.maxPageSize()) {
      throw ApiException.invalid("size", "must be between 1 and " + limits.maxPageSize());
    }
    if (after != null && page != 0) {
      throw ApiException.invalid("page", "must be 0 (or left out) when after is given");
    }
    if ((long) (page + 1) * size > limits.maxDeepPage()) {
      throw ApiException.invalid(
          "page",
          "page × size may reach "
              + limits.maxDeepPage()
              + " at most; page further with after=nextCursor");
    }
    requireOrdered("startTo", startFrom, startTo);
    requireOrdered("endTo", endFrom, endTo);
    requireOrdered("valueMax", valueMin, valueMax);
    limitValues("type", type);
    limitValues("status", status);
    limitValues("counterpartyId", counterpartyId);
    limitValues("owner", owner);
    limitValues("tag", tag);
    Map<String, List<String>> customFields = new TreeMap<>();
    parameters.forEach(
        (name, values) -> {
          if (name.startsWith("cf.")) {
            List<String> given =
                values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
            limitValues(name, given);
            if (!given.isEmpty()) {
              customFields.put(name.substring(3), given);
            }
          }
        });
    if (customFields.size() > MAX_CUSTOM_FILTERS) {
      throw ApiException.invalid(
          "cf", "at most " + MAX_CUSTOM_FILTERS + " custom fields can filter one search");
    }
    String sortField = null;
    boolean ascending = false;
    if (sort != null && !sort.isBlank() && !sort.trim().equalsIgnoreCase("relevance")) {
      String[] parts = sort.split(",", -1);
      sortField = parts[0].trim();
      if (!ContractSearch.SORTABLE.containsKey(sortField)) {
        throw ApiException.invalid(
            "sort",
            "can sort by relevance, "
                + String.join(", ", new java.util.TreeSet<>(ContractSearch.SORTABLE.keySet()))
                + " only");
      }
      String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
      if (parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
        throw ApiException.invalid("sort", "direction must be asc or desc");
      }
      ascending = direction.equals("asc");
    }
    SearchCriteria criteria =
        new SearchCriteria(
            text,
            type == null ? null : type.stream().map(Enum::name).toList(),
            status == null ? null : status.stream().map(Enum::name).toList(),
            counterpartyId,
            trimmed(owner),
            tag == null
                ? null
                : tag.stream()
                    .map(t -> t.trim().toLowerCase(Locale.ROOT))
                    .filter(t -> !t.isEmpty())
                    .toList(),
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
            null,
            facets,
            customFields.isEmpty() ? null : customFields);
    if (format != null) {
      return export.download(currentUser.get(), criteria, format);
    }
    if (after != null) {
      criteria = criteria.after(SearchCursor.decode(after, 2));
    }
    return ResponseEntity.ok(search.search(currentUser.get(), criteria));
  }

  private String text(String q) {
    if (q == null || q.isBlank()) {
      return null;
    }
    String text = q.strip();
    if (text.length() > limits.maxLength()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "query-too-large",
          "The query has "
              + text.length()
              + " characters; at most "
              + limits.maxLength()
              + " are allowed",
          List.of(new FieldError("q", "is longer than " + limits.maxLength() + " characters")));
    }
    int multiTerms = 0;
    Matcher matcher = MULTI_TERM.matcher(text);
    while (matcher.find()) {
      multiTerms++;
    }
    if (multiTerms > limits.maxMultiTermOperators()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "query-too-large",
          "The query has "
              + multiTerms
              + " wildcard, regex or fuzzy terms; at most "
              + limits.maxMultiTermOperators()
              + " are allowed",
          List.of(new FieldError("q", "has too many wildcard, regex or fuzzy terms")));
    }
    return text;
  }

  private static List<String> trimmed(List<String> values) {
    return values == null
        ? null
        : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  private static void limitValues(String field, List<?> values) {
    if (values != null && values.size() > MAX_FILTER_VALUES) {
      throw ApiException.invalid(field, "takes at most " + MAX_FILTER_VALUES + " values");
    }
  }

  private static <T extends Comparable<T>> void requireOrdered(String field, T from, T to) {
    if (from != null && to != null && to.compareTo(from) < 0) {
      throw ApiException.invalid(field, "must not be before the lower bound of its range");
    }
  }
}

package io.contractflow.contract;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.export.TableFile;
import io.contractflow.platform.validation.Iso4217Currency;
import io.contractflow.platform.web.ApiException;
import io.contractflow.platform.web.ETags;
import io.contractflow.platform.web.PageRequests;
import io.contractflow.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contracts")
@Tag(name = "Contracts", description = "Contracts and their lifecycle")
class ContractController {

  private static final Map<String, String> SORTABLE =
      Map.of(
          "reference", "reference",
          "title", "title",
          "type", "type",
          "status", "status",
          "owner", "owner",
          "startDate", "startDate",
          "endDate", "endDate",
          "value", "value.amount",
          "createdAt", "createdAt",
          "updatedAt", "updatedAt");

  private final ContractService service;
  private final CurrentUserProvider currentUser;
  private final PageRequests pageRequests;
  private final ContractListExport export;

  ContractController(
      ContractService service,
      CurrentUserProvider currentUser,
      PageRequests pageRequests,
      ContractListExport export) {
    this.service = service;
    this.currentUser = currentUser;
    this.pageRequests = pageRequests;
    this.export = export;
  }

  @GetMapping
  @Operation(
      summary = "List the contracts you may read, filtered, paged and sorted; or export the list",
      description =
          "sort is field,asc|desc with field one of reference, title, type, status, owner, startDate, "
              + "endDate, value, createdAt, updatedAt; size is at most 100. With format=csv or "
              + "format=xlsx the whole filtered list in that order (page and size ignored, at most "
              + "10,000 rows; X-Export-Truncated: true when more matched) comes as a download.")
  @ApiResponse(
      responseCode = "200",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ContractPage.class)),
        @Content(mediaType = TableFile.CSV, schema = @Schema(type = "string")),
        @Content(mediaType = TableFile.XLSX, schema = @Schema(type = "string", format = "binary"))
      })
  ResponseEntity<?> list(
      @RequestParam(required = false) List<ContractStatus> status,
      @RequestParam(required = false) List<ContractType> type,
      @RequestParam(required = false) UUID counterpartyId,
      @RequestParam(required = false) @Size(max = 64) String owner,
      @RequestParam(required = false) @Size(max = 50) String tag,
      @Parameter(description = "text in the title or reference")
          @RequestParam(required = false)
          @Size(max = 200)
          String q,
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
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) List<String> sort,
      @Parameter(description = "csv or xlsx: the whole filtered list as a download")
          @RequestParam(required = false)
          String format) {
    if (format != null && !TableFile.isFormat(format)) {
      throw ApiException.invalid("format", "must be csv or xlsx");
    }
    requireOrdered("startTo", startFrom, startTo);
    requireOrdered("endTo", endFrom, endTo);
    requireOrdered("valueMax", valueMin, valueMax);
    ContractFilter filter =
        new ContractFilter(
            status,
            type,
            counterpartyId,
            blankToNull(owner),
            blankToNull(tag) == null ? null : tag.trim().toLowerCase(java.util.Locale.ROOT),
            blankToNull(q),
            startFrom,
            startTo,
            endFrom,
            endTo,
            valueMin,
            valueMax,
            currency);
    var pageable =
        pageRequests.of(
            format == null ? page : 0,
            format == null ? size : 100,
            sort,
            SORTABLE,
            Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
    if (format != null) {
      return export.download(currentUser.get(), filter, pageable.getSort(), format);
    }
    return ResponseEntity.ok(
        PageResponse.of(service.list(currentUser.get(), filter, pageable), c -> c));
  }

  /** The list's JSON shape, for the API's documentation. */
  @Schema(name = "ContractPage")
  interface ContractPage {
    List<ContractResponse> getContent();

    PageResponse.PageInfo getPage();
  }

  @PostMapping
  @Operation(summary = "Create a draft contract that you own (requesters, admins)")
  ResponseEntity<ContractResponse> create(@Valid @RequestBody ContractRequest request) {
    ContractResponse created = service.create(currentUser.get(), request);
    return withETag(ResponseEntity.created(URI.create("/api/contracts/" + created.id())), created);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read a contract; its ETag is what an update must send in If-Match")
  ResponseEntity<ContractResponse> get(@PathVariable UUID id) {
    return withETag(ResponseEntity.ok(), service.get(currentUser.get(), id));
  }

  @PutMapping("/{id}")
  @Operation(
      summary =
          "Replace a draft's facts; requires If-Match (428 without, 412 when stale, 409 when not a draft)")
  ResponseEntity<ContractResponse> update(
      @PathVariable UUID id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ContractRequest request) {
    return withETag(ResponseEntity.ok(), service.update(currentUser.get(), id, ifMatch, request));
  }

  @PostMapping("/{id}/cancel")
  @Operation(summary = "Cancel a draft (owner, admins); If-Match is checked when sent")
  ResponseEntity<ContractResponse> cancel(
      @PathVariable UUID id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return withETag(ResponseEntity.ok(), service.cancel(currentUser.get(), id, ifMatch));
  }

  private static ResponseEntity<ContractResponse> withETag(
      ResponseEntity.BodyBuilder builder, ContractResponse contract) {
    return builder.eTag(ETags.of(contract.version())).body(contract);
  }

  private static <T extends Comparable<T>> void requireOrdered(String field, T from, T to) {
    if (from != null && to != null && to.compareTo(from) < 0) {
      throw ApiException.invalid(field, "must not be before the lower bound of its range");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

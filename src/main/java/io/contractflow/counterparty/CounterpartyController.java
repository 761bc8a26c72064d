package io.contractflow.counterparty;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ETags;
import io.contractflow.platform.web.PageRequests;
import io.contractflow.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/counterparties")
@Tag(name = "Counterparties", description = "The directory of the other parties to contracts")
class CounterpartyController {

  private static final Map<String, String> SORTABLE =
      Map.of("name", "name", "createdAt", "createdAt", "updatedAt", "updatedAt");

  private final CounterpartyService service;
  private final CurrentUserProvider currentUser;
  private final PageRequests pageRequests;

  CounterpartyController(
      CounterpartyService service, CurrentUserProvider currentUser, PageRequests pageRequests) {
    this.service = service;
    this.currentUser = currentUser;
    this.pageRequests = pageRequests;
  }

  @GetMapping
  @Operation(summary = "List counterparties, optionally those whose name contains a text")
  PageResponse<CounterpartyResponse> list(
      @RequestParam(required = false) @Size(max = 200) String name,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) List<String> sort) {
    var pageable = pageRequests.of(page, size, sort, SORTABLE, Sort.by("name", "id"));
    return PageResponse.of(service.list(name, pageable), CounterpartyResponse::of);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read a counterparty")
  ResponseEntity<CounterpartyResponse> get(@PathVariable UUID id) {
    return withETag(ResponseEntity.ok(), service.get(id));
  }

  @PostMapping
  @Operation(summary = "Add a counterparty (requesters, admins)")
  ResponseEntity<CounterpartyResponse> create(@Valid @RequestBody CounterpartyRequest request) {
    Counterparty created = service.create(currentUser.get(), request);
    return withETag(
        ResponseEntity.created(URI.create("/api/counterparties/" + created.getId())), created);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Replace a counterparty's details; send If-Match with its ETag")
  ResponseEntity<CounterpartyResponse> update(
      @PathVariable UUID id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CounterpartyRequest request) {
    return withETag(ResponseEntity.ok(), service.update(currentUser.get(), id, ifMatch, request));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Remove a counterparty no contract names (admins)")
  ResponseEntity<Void> delete(@PathVariable UUID id) {
    service.delete(currentUser.get(), id);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<CounterpartyResponse> withETag(
      ResponseEntity.BodyBuilder builder, Counterparty c) {
    return builder.eTag(ETags.of(c.getVersion())).body(CounterpartyResponse.of(c));
  }
}

package io.contractflow.audit;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.PageRequests;
import io.contractflow.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of a contract, for everyone who may read the contract. */
@RestController
@Tag(name = "Contracts")
class AuditHistoryController {

  private static final Map<String, String> SORTABLE = Map.of("seq", "seq");

  private final AuditHistory history;
  private final CurrentUserProvider currentUser;
  private final PageRequests pageRequests;

  AuditHistoryController(
      AuditHistory history, CurrentUserProvider currentUser, PageRequests pageRequests) {
    this.history = history;
    this.currentUser = currentUser;
    this.pageRequests = pageRequests;
  }

  @GetMapping("/api/contracts/{id}/history")
  @Operation(
      summary =
          "The contract's audit trail, paged, with the result of verifying its whole hash chain",
      description =
          "Oldest first by default (sort=seq,desc for newest first); size is at most 100. "
              + "verification recomputes every entry's hash from the first one on: intact is false and brokenAtSeq names "
              + "the first entry that is missing, changed or not linked to the one before.")
  HistoryResponse history(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) List<String> sort) {
    PageRequest request = pageRequests.of(page, size, sort, SORTABLE, Sort.by("seq"));
    Sort.Order order = request.getSort().getOrderFor("seq");
    boolean newestFirst = order != null && order.isDescending();
    AuditHistory.Result result =
        history.read(currentUser.get(), id, newestFirst, request.getOffset(), size);
    long total = result.verification().entries();
    return new HistoryResponse(
        result.page().stream().map(HistoryResponse.Entry::of).toList(),
        new PageResponse.PageInfo(page, size, total, (int) ((total + size - 1) / size)),
        result.verification());
  }
}

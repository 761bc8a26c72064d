package io.contractflow.search;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.UncheckedIOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/search/reindex")
@Tag(name = "Search", description = "Full-text search over the contracts you may read")
class ReindexController {

  private final ContractReindexer reindexer;
  private final CurrentUserProvider currentUser;

  ReindexController(ContractReindexer reindexer, CurrentUserProvider currentUser) {
    this.reindexer = reindexer;
    this.currentUser = currentUser;
  }

  @PostMapping
  @Operation(
      summary =
          "Rebuild the search index from the database and switch to it without downtime (contract admins)",
      description =
          "Answers when the new index is live, with how many contracts it holds; progress is logged "
              + "every 5 s and shown by GET meanwhile")
  ReindexProgress reindex() {
    CurrentUser user = requireAdmin();
    try {
      return reindexer.rebuild(user.username());
    } catch (UncheckedIOException | org.opensearch.client.opensearch._types.OpenSearchException e) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "search-unavailable",
          "The index could not be rebuilt (" + e.getMessage() + "); the old one is still in use");
    }
  }

  @GetMapping
  @Operation(summary = "The running or last rebuild of the search index (contract admins)")
  ResponseEntity<ReindexProgress> progress() {
    requireAdmin();
    ReindexProgress progress = reindexer.progress();
    return progress == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(progress);
  }

  private CurrentUser requireAdmin() {
    CurrentUser user = currentUser.get();
    if (!user.isAdmin()) {
      throw ApiException.forbidden("Only contract admins rebuild the search index");
    }
    return user;
  }
}

package io.contractflow.savedview;

import io.contractflow.identity.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/saved-views")
@Tag(
    name = "Saved views",
    description = "Your own saved views of a list (its filters and sort as a query string)")
class SavedViewController {

  private final SavedViews views;
  private final CurrentUserProvider currentUser;

  SavedViewController(SavedViews views, CurrentUserProvider currentUser) {
    this.views = views;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "Your saved views, of one list (list=contracts) or all")
  List<SavedView> mine(@RequestParam(required = false) String list) {
    return views.of(currentUser.get().username(), list);
  }

  @PostMapping
  @Operation(
      summary = "Save a view: list, name (unique per list, 409 if taken), the list's query string")
  ResponseEntity<SavedView> save(@Valid @RequestBody SaveViewRequest request) {
    SavedView saved = views.save(currentUser.get().username(), request);
    return ResponseEntity.created(URI.create("/api/saved-views/" + saved.id())).body(saved);
  }

  @DeleteMapping("/{viewId}")
  @Operation(summary = "Delete one of your saved views (another user's is 404)")
  ResponseEntity<Void> delete(@PathVariable UUID viewId) {
    views.delete(currentUser.get().username(), viewId);
    return ResponseEntity.noContent().build();
  }
}

package io.contractflow.template;

import io.contractflow.identity.CurrentUserProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/clauses")
@Tag(
    name = "Clauses",
    description = "The clause library: reusable, versioned clauses that templates include")
class ClauseController {

  private final ClauseService clauses;
  private final CurrentUserProvider currentUser;

  ClauseController(ClauseService clauses, CurrentUserProvider currentUser) {
    this.clauses = clauses;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "Every clause, with its latest version number")
  List<ClauseResponse.Summary> list() {
    currentUser.get();
    return clauses.list();
  }

  @GetMapping("/{key}")
  @Operation(summary = "A clause's latest version")
  ClauseResponse latest(@PathVariable String key) {
    currentUser.get();
    return clauses.get(key, null);
  }

  @GetMapping("/{key}/versions/{version}")
  @Operation(summary = "One version of a clause")
  ClauseResponse version(@PathVariable String key, @PathVariable @Min(1) int version) {
    currentUser.get();
    return clauses.get(key, version);
  }

  @PostMapping
  @Operation(summary = "Add a clause with its first version (contract admins)")
  ResponseEntity<ClauseResponse> create(@RequestBody @Valid ClauseRequest request) {
    ClauseResponse created = clauses.create(currentUser.get(), request);
    return ResponseEntity.created(URI.create("/api/clauses/" + created.key())).body(created);
  }

  @PostMapping("/{key}/versions")
  @Operation(summary = "Add the clause's next version (contract admins)")
  ResponseEntity<ClauseResponse> addVersion(
      @PathVariable String key, @RequestBody @Valid ClauseRequest.NewVersion request) {
    ClauseResponse created = clauses.addVersion(currentUser.get(), key, request);
    return ResponseEntity.created(
            URI.create("/api/clauses/" + key + "/versions/" + created.version()))
        .body(created);
  }
}

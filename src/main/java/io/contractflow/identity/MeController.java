package io.contractflow.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity")
class MeController {

  private final CurrentUserProvider currentUser;

  MeController(CurrentUserProvider currentUser) {
    this.currentUser = currentUser;
  }

  /** The caller as the platform sees them. */
  record Me(String username, List<String> groups, List<String> roles) {}

  @GetMapping("/api/me")
  @Operation(summary = "Who you are signed in as, your groups and roles")
  Me me() {
    CurrentUser user = currentUser.get();
    return new Me(
        user.username(),
        user.groups().stream().sorted().toList(),
        user.roles().stream().map(Role::groupId).sorted().toList());
  }
}

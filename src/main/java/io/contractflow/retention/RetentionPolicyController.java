package io.contractflow.retention;

import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Retention",
    description =
        "How long contracts are kept after they ended, legal holds, what is due for deletion"
            + " (contract admins)")
class RetentionPolicyController {

  private final RetentionPolicies policies;
  private final CurrentUserProvider currentUser;

  RetentionPolicyController(RetentionPolicies policies, CurrentUserProvider currentUser) {
    this.policies = policies;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/admin/retention-policies")
  @Operation(
      summary = "The retention policies: months kept after expiry or termination (contract admins)",
      description =
          "defaultMonths, the types with their own months (types), and every type's months in"
              + " effect (effective).")
  RetentionPolicies.Policies get() {
    admin();
    return policies.current();
  }

  @PutMapping("/api/admin/retention-policies")
  @Operation(
      summary = "Replace the retention policies (contract admins)",
      description =
          "Body: {\"defaultMonths\": 120, \"types\": {\"NDA\": 36}}; months from 1 to 1200; a type"
              + " left out keeps the default. 400 names every field at fault. Recorded in the"
              + " security log.")
  RetentionPolicies.Policies put(@RequestBody(required = false) RetentionPolicies.Change body) {
    CurrentUser user = admin();
    return policies.replace(body, user.username());
  }

  private CurrentUser admin() {
    CurrentUser user = currentUser.get();
    if (!user.isAdmin()) {
      throw ApiException.forbidden("Only contract admins set retention policies");
    }
    return user;
  }
}

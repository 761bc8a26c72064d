package io.contractflow.identity;

import java.util.Set;

/** Who is calling: their user id, the groups they belong to, and the roles those groups give. */
public record CurrentUser(String username, Set<String> groups, Set<Role> roles) {

  public CurrentUser {
    groups = Set.copyOf(groups);
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return has(Role.CONTRACT_ADMIN);
  }

  /** Reads everything: admins and auditors. */
  public boolean readsAll() {
    return isAdmin() || has(Role.AUDITOR);
  }

  /** Auditors never write, whatever other role they also hold, unless they are admins. */
  public boolean isReadOnly() {
    return has(Role.AUDITOR) && !isAdmin();
  }
}

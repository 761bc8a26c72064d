package io.contractflow.identity;

import java.util.HashSet;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads the caller from Spring Security, whatever authenticated them (HTTP Basic against Camunda's
 * identity in the embedded default, a Keycloak token later): groups arrive as {@code GROUP_<id>}
 * authorities.
 */
@Component
public class CurrentUserProvider {

  public static final String GROUP_PREFIX = "GROUP_";

  public CurrentUser get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
      throw new AuthenticationCredentialsNotFoundException("No authenticated caller");
    }
    Set<String> groups = new HashSet<>();
    Set<Role> roles = new HashSet<>();
    for (GrantedAuthority authority : auth.getAuthorities()) {
      String name = authority.getAuthority();
      if (name.startsWith(GROUP_PREFIX)) {
        groups.add(name.substring(GROUP_PREFIX.length()));
      }
      for (Role role : Role.values()) {
        if (role.authority().equals(name)) {
          roles.add(role);
        }
      }
    }
    return new CurrentUser(auth.getName(), groups, roles);
  }
}

package io.contractflow.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a Keycloak token's {@code groups} claim into the authorities the embedded default gives a
 * Camunda group member: {@code GROUP_<id>} for every group and {@code ROLE_<NAME>} for each role
 * group, so {@link CurrentUserProvider}, every access policy and the engine's authorizations see
 * the same caller whichever way they signed in. Keycloak's group mapper may send full paths: a
 * top-level {@code /legal-reviewer} counts as {@code legal-reviewer}; a subgroup keeps its path and
 * so never matches a role.
 */
final class GroupsClaimAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

  static final String CLAIM = "groups";

  @Override
  public Collection<GrantedAuthority> convert(Jwt jwt) {
    return of(jwt.hasClaim(CLAIM) ? jwt.getClaimAsStringList(CLAIM) : List.of());
  }

  /** The authorities of these groups (as a token's {@code groups} claim names them). */
  static List<GrantedAuthority> of(List<String> claimed) {
    Set<GrantedAuthority> authorities = new LinkedHashSet<>();
    for (String raw : claimed == null ? List.<String>of() : claimed) {
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String group = raw.startsWith("/") ? raw.substring(1) : raw;
      authorities.add(new SimpleGrantedAuthority(CurrentUserProvider.GROUP_PREFIX + group));
      Role.ofGroup(group)
          .ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
    }
    return new ArrayList<>(authorities);
  }
}

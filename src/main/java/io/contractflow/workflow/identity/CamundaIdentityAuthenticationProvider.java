package io.contractflow.workflow.identity;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against Camunda's identity (the embedded default): the password is checked by the
 * engine, which also locks an account after repeated failures, and the user's Camunda groups become
 * roles.
 */
@Component
@Profile("!keycloak") // with Keycloak, passwords are Keycloak's: bearer tokens and OIDC login only
class CamundaIdentityAuthenticationProvider
    implements org.springframework.security.authentication.AuthenticationProvider {

  private final IdentityService identityService;
  private final CheckedPasswords checked;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, CheckedPasswords checked) {
    this.identityService = identityService;
    this.checked = checked;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null || username.isBlank() || credentials == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    String password = credentials.toString();
    List<GrantedAuthority> recalled = checked.recall(username, password).orElse(null);
    if (recalled != null) {
      return UsernamePasswordAuthenticationToken.authenticated(username, null, recalled);
    }
    if (!identityService.checkPassword(username, password)) {
      throw new BadCredentialsException("Bad credentials");
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Group group : identityService.createGroupQuery().groupMember(username).list()) {
      authorities.add(new SimpleGrantedAuthority(CurrentUserProvider.GROUP_PREFIX + group.getId()));
      Role.ofGroup(group.getId())
          .ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
    }
    checked.remember(username, password, authorities);
    return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

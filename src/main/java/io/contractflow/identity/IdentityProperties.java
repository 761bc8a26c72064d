package io.contractflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param demoUsers create one demo user per role (embedded default only; off in the prod profile)
 * @param initialAdmin a first contract admin to create when none exists (for a fresh production
 *     install)
 */
@ConfigurationProperties("contractflow.identity")
public record IdentityProperties(
    @DefaultValue("true") boolean demoUsers, @DefaultValue InitialAdmin initialAdmin) {

  /** A user created in the contract-admin group at start-up if that group has no member yet. */
  public record InitialAdmin(String username, String password) {
    public boolean configured() {
      return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
  }
}

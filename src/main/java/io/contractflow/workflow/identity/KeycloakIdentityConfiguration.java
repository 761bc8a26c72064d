package io.contractflow.workflow.identity;

import io.contractflow.identity.KeycloakProperties;
import io.contractflow.identity.Role;
import java.util.Map;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Camunda with Keycloak as its identity (the {@code keycloak} profile): users, groups and
 * memberships are read from the realm by the camunda-platform-7-keycloak plugin, so Keycloak groups
 * are the Camunda groups that candidate groups, filters and authorizations name; and the webapps
 * take their user from the OIDC login instead of a password.
 *
 * <p>Group ids: the plugin names a group by Keycloak's internal UUID unless it is told to use the
 * group's path; the path of a top-level group ({@code /legal-reviewer}) without its slash is the
 * plain name our models use, so {@code useGroupPathAsCamundaGroupId} is on. The realm's role groups
 * must therefore be top-level groups.
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak")
class KeycloakIdentityConfiguration {

  @Bean
  KeycloakIdentityProviderPlugin keycloakIdentityProvider(KeycloakProperties properties) {
    KeycloakIdentityProviderPlugin plugin = new KeycloakIdentityProviderPlugin();
    plugin.setKeycloakIssuerUrl(properties.backChannel());
    plugin.setKeycloakAdminUrl(properties.adminApi());
    plugin.setClientId(properties.identity().clientId());
    plugin.setClientSecret(properties.identity().clientSecret());
    plugin.setUseUsernameAsCamundaUserId(true);
    plugin.setUseGroupPathAsCamundaGroupId(true);
    plugin.setAdministratorGroupName(Role.CONTRACT_ADMIN.groupId());
    // every authorization check asks for the caller's groups: keep answers briefly rather than ask
    // Keycloak each time
    int cacheMinutes = properties.identity().cacheMinutes();
    plugin.setCacheEnabled(cacheMinutes > 0);
    if (cacheMinutes > 0) {
      plugin.setCacheExpirationTimeoutMin(cacheMinutes);
      plugin.setMaxCacheSize(1000);
    }
    return plugin;
  }

  /**
   * Signs the OIDC-logged-in user into the webapps' session. Runs after Spring Security's filter
   * chain (order -100), which has made sure there is a logged-in user, and before the webapps' own
   * authentication filter.
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(
        Map.of("authentication-provider", SignedInUserAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(101);
    return registration;
  }
}

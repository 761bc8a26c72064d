package io.contractflow.workflow.identity;

import io.contractflow.identity.CurrentUserProvider;
import io.contractflow.identity.Role;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the engine into the platform's security: admin groups, and the caller on {@code
 * /engine-rest}.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurityConfiguration {

  /** Runs after Spring Security's filter chain (order -100), so the caller is known. */
  @Bean
  FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthenticationFilter(
      IdentityService identityService, CurrentUserProvider currentUserProvider) {
    FilterRegistrationBean<EngineRestAuthenticationFilter> registration =
        new FilterRegistrationBean<>(
            new EngineRestAuthenticationFilter(identityService, currentUserProvider));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(0);
    return registration;
  }

  /** Contract admins are engine administrators too: Cockpit, Admin, deployments, users. */
  @Bean
  ProcessEnginePlugin contractAdminIsEngineAdmin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> groups =
            new ArrayList<>(List.of(Groups.CAMUNDA_ADMIN, Role.CONTRACT_ADMIN.groupId()));
        configuration.setAdminGroups(groups);
      }
    };
  }
}

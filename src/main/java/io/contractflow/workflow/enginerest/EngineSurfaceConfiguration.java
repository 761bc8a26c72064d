package io.contractflow.workflow.enginerest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.workflow.api.LifecycleTasks;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link EngineSurfaceFilter} in front of both engine surfaces. */
@Configuration(proxyBeanMethods = false)
class EngineSurfaceConfiguration {

  /**
   * After Spring Security (order -100) and, in the {@code keycloak} profile, after the webapps'
   * single sign-on (order 101), so the caller is known on both surfaces; before the engine and the
   * webapps' own filters.
   */
  static final int ORDER = 102;

  @Bean
  FilterRegistrationBean<EngineSurfaceFilter> engineSurfaceFilter(
      EngineCallers callers,
      IdentityService identity,
      LifecycleTasks tasks,
      TaskFormFields formFields,
      ObjectMapper json) {
    FilterRegistrationBean<EngineSurfaceFilter> registration =
        new FilterRegistrationBean<>(
            new EngineSurfaceFilter(callers, identity, tasks, formFields, json));
    registration.setUrlPatterns(EngineSurfaceFilter.urlPatterns());
    registration.setOrder(ORDER);
    return registration;
  }
}

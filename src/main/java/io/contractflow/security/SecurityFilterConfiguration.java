package io.contractflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet filters of login and API protection. Spring Security's chain runs at order -100;
 * these come right after it (the caller is known) and before the Camunda webapps' own filters.
 */
@Configuration(proxyBeanMethods = false)
class SecurityFilterConfiguration {

  static final int AFTER_SPRING_SECURITY = -99;

  @Bean
  @ConditionalOnProperty(name = "contractflow.security.rate-limits.enabled", matchIfMissing = true)
  FilterRegistrationBean<ApiRateLimitFilter> apiRateLimitFilter(
      SecurityProperties properties, SecurityLog log, ObjectMapper mapper) {
    FilterRegistrationBean<ApiRateLimitFilter> registration =
        new FilterRegistrationBean<>(new ApiRateLimitFilter(properties, log, mapper));
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    registration.setOrder(AFTER_SPRING_SECURITY);
    return registration;
  }

  /** The webapps' password form; with Keycloak it is closed, and the filter has nothing to see. */
  @Bean
  FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottleFilter(
      LoginGuard guard, ObjectMapper mapper) {
    FilterRegistrationBean<WebappLoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new WebappLoginThrottleFilter(guard, mapper));
    registration.addUrlPatterns(WebappLoginThrottleFilter.URL_PATTERN);
    registration.setOrder(AFTER_SPRING_SECURITY);
    return registration;
  }
}

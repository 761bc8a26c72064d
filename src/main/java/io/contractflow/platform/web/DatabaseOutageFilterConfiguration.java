package io.contractflow.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.platform.outage.DatabaseGate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link DatabaseOutageFilter} in front of the API surfaces. */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageFilterConfiguration {

  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(
      DatabaseGate gate, ObjectMapper mapper) {
    FilterRegistrationBean<DatabaseOutageFilter> registration =
        new FilterRegistrationBean<>(new DatabaseOutageFilter(gate, mapper));
    registration.addUrlPatterns(DatabaseOutageFilter.URL_PATTERNS);
    registration.setOrder(DatabaseOutageFilter.ORDER);
    return registration;
  }
}

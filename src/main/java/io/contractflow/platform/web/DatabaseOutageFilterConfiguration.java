package io.contractflow.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.platform.outage.ConnectionFailures;
import io.contractflow.platform.outage.DatabaseGate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link DatabaseOutageFilter} in front of the API surfaces. */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageFilterConfiguration {

  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(
      DatabaseGate gate, ObjectMapper mapper, DataSource dataSource) {
    FilterRegistrationBean<DatabaseOutageFilter> registration =
        new FilterRegistrationBean<>(
            new DatabaseOutageFilter(gate, mapper, databaseDown(dataSource, gate)));
    registration.addUrlPatterns(DatabaseOutageFilter.URL_PATTERNS);
    registration.setOrder(DatabaseOutageFilter.ORDER);
    return registration;
  }

  /**
   * Asks the database (through the pool, so at most the pool's timeout) whether it answers; a
   * failure to connect is also reported to the gate.
   */
  static BooleanSupplier databaseDown(DataSource dataSource, DatabaseGate gate) {
    return () -> {
      try (Connection connection = dataSource.getConnection()) {
        return !connection.isValid(1);
      } catch (SQLException e) {
        gate.failed(e);
        return ConnectionFailures.isConnectionFailure(e);
      }
    };
  }
}

package io.contractflow.platform.outage;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the application's connection pool behind the {@link DatabaseGate}. */
@Configuration(proxyBeanMethods = false)
class OutageConfiguration {

  @Bean
  DatabaseGate databaseGate(OutageProperties properties) {
    return new DatabaseGate(properties);
  }

  /**
   * Replaces the configured (not yet started) HikariCP pool by the same pool behind the gate;
   * static, as a post-processor must be.
   */
  @Bean
  static BeanPostProcessor gatedDataSource(
      ObjectProvider<DatabaseGate> gate, ObjectProvider<OutageProperties> properties) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
            && !(bean instanceof GatedHikariDataSource)
            && properties.getObject().enabled()) {
          return new GatedHikariDataSource(pool, gate.getObject());
        }
        return bean;
      }
    };
  }
}

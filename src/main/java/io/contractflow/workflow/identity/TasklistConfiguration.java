package io.contractflow.workflow.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tasklist for business users: a filter a user creates is theirs to read (see the provider). */
@Configuration(proxyBeanMethods = false)
class TasklistConfiguration {

  @Bean
  ProcessEnginePlugin filterCreatorAuthorizations() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new FilterCreatorAuthorizationProvider());
      }
    };
  }
}

package io.contractflow.workflow.expressions;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;
import org.springframework.stereotype.Component;

/** Puts {@link GuardedFilterManager} in place of the engine's filter store. */
@Component
class FilterExpressionGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories =
        configuration.getCustomSessionFactories() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return FilterManager.class;
          }

          @Override
          public Session openSession() {
            return new GuardedFilterManager();
          }
        });
    configuration.setCustomSessionFactories(factories);
  }
}

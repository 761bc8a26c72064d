package io.contractflow.workflow.expressions;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Narrows what {@code ${...}} reaches in the engine to {@link DelegateBeans}. Spring's process
 * engine factory has already given the engine an expression manager over the whole application
 * context when plugins run, so it is replaced here by one over the delegates only; the same map
 * serves scripts ({@code beans}). Expressions in ad-hoc queries stay forbidden (Camunda's default),
 * which the engine is checked for once built.
 */
@Component
class DelegatesOnlyInExpressions extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private final ConfigurableListableBeanFactory beanFactory;

  DelegatesOnlyInExpressions(
      ApplicationContext context, ConfigurableListableBeanFactory beanFactory) {
    this.context = context;
    this.beanFactory = beanFactory;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DelegateBeans delegates = new DelegateBeans(beanFactory);
    configuration.setBeans(delegates);
    configuration.setExpressionManager(new SpringExpressionManager(context, delegates));
    configuration.setEnableExpressionsInAdhocQueries(false);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isEnableExpressionsInAdhocQueries()) {
      throw new IllegalStateException("Expressions in ad-hoc queries must stay disabled");
    }
    if (!(configuration.getBeans() instanceof DelegateBeans)) {
      throw new IllegalStateException("The engine's expressions must reach the delegates only");
    }
  }
}

package io.contractflow.workflow.tasks;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/** Puts {@link CompletionVariables} into every command the engine runs. */
@Component
class CompletionVariablesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all =
        interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(new CompletionVariables());
    return all;
  }
}

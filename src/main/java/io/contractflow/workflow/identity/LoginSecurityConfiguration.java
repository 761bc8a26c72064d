package io.contractflow.workflow.identity;

import io.contractflow.security.SecurityLog;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's part in login security: its own lockout is off, and identity changes reach the
 * security log.
 */
@Configuration(proxyBeanMethods = false)
class LoginSecurityConfiguration {

  /**
   * Camunda locks an account for everybody after wrong passwords from anybody, and for good after
   * ten: anyone could lock out anyone, admins included. It is switched off here (no attempt limit,
   * no delay); {@code io.contractflow.security.LoginGuard} throttles per account <em>and source
   * address</em> instead, in front of every password check.
   */
  @Bean
  ProcessEnginePlugin noEngineLoginLockout() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
        configuration.setLoginDelayFactor(1);
      }
    };
  }

  @Bean
  ProcessEnginePlugin identityChangesToSecurityLog(
      SecurityLog securityLog, CheckedPasswords checkedPasswords) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers =
            configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new IdentityChangeLog(securityLog, checkedPasswords::forgetAll));
        configuration.setCustomHistoryEventHandlers(handlers);
      }
    };
  }
}

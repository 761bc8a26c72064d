package io.contractflow.workflow;

import io.contractflow.platform.ClockProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Moves the engine's clock with the platform's ({@code contractflow.clock.offset}), so timers, due
 * dates and the platform's own timestamps agree when the platform runs on another day. With no
 * offset it leaves the clock alone.
 */
@Component
class EngineClockOffset extends AbstractProcessEnginePlugin {

  private final ClockProperties properties;

  EngineClockOffset(ClockProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!properties.offset().isZero()) {
      ClockUtil.offset(properties.offset().toMillis());
    }
  }
}

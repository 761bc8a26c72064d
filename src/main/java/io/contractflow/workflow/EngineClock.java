package io.contractflow.workflow;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Now, as the engine sees it. Dates a model waits for are computed from the engine's clock, so
 * tests that move that clock move the whole lifecycle consistently.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

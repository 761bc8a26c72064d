package io.contractflow.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Drives the plain test engine: runs the jobs that are due, and moves the engine's clock to make
 * timers due.
 */
public final class EngineSupport {

  private EngineSupport() {}

  /**
   * Executes due jobs (async continuations and due timers) until none is left; returns how many
   * ran.
   */
  public static int runDueJobs() {
    int ran = 0;
    for (int round = 0; round < 100; round++) {
      List<Job> due = managementService().createJobQuery().executable().list();
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        managementService().executeJob(job.getId());
        ran++;
      }
    }
    throw new AssertionError("Jobs keep coming after 100 rounds; is there a loop?");
  }

  /** Moves the engine's clock forward, then runs what became due. */
  public static int advance(Duration by) {
    ClockUtil.setCurrentTime(Date.from(now().plus(by)));
    return runDueJobs();
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static void resetClock() {
    ClockUtil.reset();
  }
}

package io.contractflow.workflow;

import io.contractflow.platform.outage.ConnectionFailures;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.springframework.stereotype.Component;

/**
 * A job that failed for want of a database connection (the database down, or no connection free in
 * time) keeps its retries: the engine's usual failed-job handling (unlocked, the failure recorded,
 * a retry cycle's wait) without counting the attempt, so an outage of any length never exhausts a
 * job's retries into an incident. Any other failure counts as always.
 *
 * <p>While the database is down the failure cannot even be recorded: the job stays locked until its
 * lock expires ({@code camunda.bpm.job-execution.lock-time-in-millis}) and is then taken again;
 * this covers the moments around the outage, when the job failed but the database answered again.
 */
@Component
class JobRetriesKeptOnOutage extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(new KeepRetriesOnConnectionFailure());
  }

  static final class KeepRetriesOnConnectionFailure implements FailedJobCommandFactory {

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
      return new DefaultJobRetryCmd(jobId, exception) {
        @Override
        protected boolean shouldDecrementRetriesFor(Throwable failure) {
          return !ConnectionFailures.isConnectionFailure(failure)
              && super.shouldDecrementRetriesFor(failure);
        }
      };
    }
  }
}

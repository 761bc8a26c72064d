package io.contractflow.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node in a cluster of nodes sharing one database ({@code
 * contractflow.cluster.node-name}, e.g. the Kubernetes pod name): the engine's host name, which the
 * job log records for every job run, and the job executor's lock owner, which {@code
 * ACT_RU_JOB.LOCK_OWNER_} shows for the jobs a node has taken. Each node needs a name of its own.
 * Unset, the engine's defaults stay (its address and engine name; a random owner).
 */
@Component
class ClusterNodeName extends AbstractProcessEnginePlugin {

  private final String name;

  ClusterNodeName(@Value("${contractflow.cluster.node-name:}") String name) {
    this.name = name.strip();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!name.isEmpty()) {
      configuration.setHostname(name);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!name.isEmpty() && configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(name);
    }
  }
}

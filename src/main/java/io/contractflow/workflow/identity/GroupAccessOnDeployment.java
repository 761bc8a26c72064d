package io.contractflow.workflow.identity;

import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The deployment hook of {@link DeployedGroupAccess}: when a new deployment (from Modeler, {@code
 * /engine-rest/deployment/create} or the classpath) commits, the candidate groups its models and
 * decisions name get Tasklist access and a filter. Runs after the commit, so a refused or rolled
 * back deployment provisions nothing; the engine's redeploys into its cache (every node, every
 * start) are no new deployments and do nothing.
 */
@Component
class GroupAccessOnDeployment extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(GroupAccessOnDeployment.class);

  private final ObjectProvider<DeployedGroupAccess> access;

  GroupAccessOnDeployment(ObjectProvider<DeployedGroupAccess> access) {
    this.access = access;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var deployers =
        configuration.getCustomPostDeployers() == null
            ? new java.util.ArrayList<Deployer>()
            : new java.util.ArrayList<>(configuration.getCustomPostDeployers());
    deployers.add(this::deployed);
    configuration.setCustomPostDeployers(deployers);
  }

  private void deployed(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Set<String> groups = new TreeSet<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      try {
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
          groups.addAll(
              ModelGroups.of(
                  Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))));
        } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
          groups.addAll(
              ModelGroups.of(
                  Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))));
        }
      } catch (RuntimeException unreadable) {
        log.debug("Resource {} names no groups we can read", name, unreadable);
      }
    }
    if (groups.isEmpty()) {
      return;
    }
    Context.getCommandContext()
        .getTransactionContext()
        .addTransactionListener(
            TransactionState.COMMITTED, committed -> access.getObject().provide(groups));
  }
}

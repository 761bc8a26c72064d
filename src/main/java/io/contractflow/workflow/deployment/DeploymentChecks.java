package io.contractflow.workflow.deployment;

import io.contractflow.identity.Role;
import io.contractflow.workflow.expressions.DelegateBeans;
import io.contractflow.workflow.steps.TemplatedStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ModelCheck} in front of every deployment the engine takes: the classpath's at
 * startup, {@code /engine-rest/deployment/create} (Camunda Modeler deploys through it) and the Java
 * API alike. A pre-deployer of the engine (it runs before the BPMN deployer, inside the deploy
 * command) checks each new deployment's resources and refuses it with {@link
 * DeploymentRefusedException}, which names every problem; nothing of it is stored. A parse listener
 * gives the asynchronous steps placed from the platform's templates the platform's retry cycle
 * ({@value #RETRY_CYCLE}), since Modeler's templates cannot set it. A deployment that passes is
 * recorded with who made it and what changed ({@link DeploymentRecords}).
 *
 * <p>Candidate groups are checked against the identity service (Camunda's groups; the Keycloak
 * realm's with the {@code keycloak} profile); the platform's role groups always count as known
 * (they are created at startup, after the classpath's deployment), and when the groups cannot be
 * listed (the identity provider fails, Keycloak unreachable) the check is skipped with a warning.
 */
@Component
class DeploymentChecks extends AbstractProcessEnginePlugin {

  static final String RETRY_CYCLE = "R3/PT1M";
  private static final Logger log = LoggerFactory.getLogger(DeploymentChecks.class);

  private final ConfigurableListableBeanFactory beanFactory;
  private final ObjectProvider<TemplatedStep> steps;
  private final ObjectProvider<DeploymentRecords> records;
  private final ElementTemplates templates = ElementTemplates.shipped();

  DeploymentChecks(
      ConfigurableListableBeanFactory beanFactory,
      ObjectProvider<TemplatedStep> steps,
      ObjectProvider<DeploymentRecords> records) {
    this.beanFactory = beanFactory;
    this.steps = steps;
    this.records = records;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> pre =
        configuration.getCustomPreDeployers() == null
            ? new java.util.ArrayList<>()
            : new java.util.ArrayList<>(configuration.getCustomPreDeployers());
    pre.add(new CheckingDeployer(new DelegateBeans(beanFactory)));
    pre.add(new RecordingDeployer());
    configuration.setCustomPreDeployers(pre);
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new TemplatedStepRetries(RETRY_CYCLE));
  }

  private final class CheckingDeployer implements Deployer {

    private final DelegateBeans delegates;

    CheckingDeployer(DelegateBeans delegates) {
      this.delegates = delegates;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew() || deployment.getResources() == null) {
        return; // a deployment read back into the cache was checked when it was made
      }
      Map<String, byte[]> resources = new LinkedHashMap<>();
      for (ResourceEntity resource : deployment.getResources().values()) {
        resources.put(resource.getName(), resource.getBytes());
      }
      List<ModelCheck.Problem> problems =
          new ModelCheck(templates, steps.orderedStream().toList(), new EnginePlatform(delegates))
              .check(resources);
      if (!problems.isEmpty()) {
        log.warn("Deployment {} refused: {}", deployment.getName(), ModelCheck.describe(problems));
        throw new DeploymentRefusedException(problems);
      }
    }
  }

  /**
   * Records a deployment the checks let through ({@link DeploymentRecords}), in the deploy
   * command's transaction.
   */
  private final class RecordingDeployer implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew() || deployment.getResources() == null) {
        return;
      }
      records.getObject().record(deployment);
    }
  }

  /** What the running engine knows: its delegates, deployed forms and the identity's groups. */
  private static final class EnginePlatform implements ModelCheck.Platform {

    private final DelegateBeans delegates;
    private boolean groupsUnavailable;

    EnginePlatform(DelegateBeans delegates) {
      this.delegates = delegates;
    }

    @Override
    public boolean isDelegate(String bean) {
      return delegates.containsKey(bean);
    }

    @Override
    public boolean formDeployed(String key) {
      CommandContext context = Context.getCommandContext();
      return context.runWithoutAuthorization(
          () -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null);
    }

    @Override
    public Optional<Boolean> groupKnown(String groupId) {
      if (Role.ofGroup(groupId).isPresent()) {
        return Optional.of(true);
      }
      if (groupsUnavailable) {
        return Optional.empty();
      }
      CommandContext context = Context.getCommandContext();
      try {
        return Optional.of(
            context.runWithoutAuthorization(
                () -> context.getReadOnlyIdentityProvider().findGroupById(groupId) != null));
      } catch (RuntimeException cannotTell) {
        groupsUnavailable = true;
        log.warn(
            "Candidate groups not checked: the identity service cannot list groups ({})",
            cannotTell.toString());
        return Optional.empty();
      }
    }
  }
}

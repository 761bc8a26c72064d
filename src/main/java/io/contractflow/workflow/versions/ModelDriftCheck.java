package io.contractflow.workflow.versions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Finds drift between the release's models (the classpath) and what is deployed: which models'
 * latest version did not come from the classpath, whether the release's file is that version, and
 * which versions from elsewhere a release replaced. Runs after the process application has deployed
 * at start (a warning per drifting model in the log) and on request; the health component {@code
 * processModels} shows the last result.
 *
 * <p>The rule, which is the engine's own duplicate filtering ({@code isDeployChangedOnly}) made
 * visible: at start a release file is compared with the newest resource of the same name in the
 * classpath deployments ({@code contractflow}, source {@code process application}). Unchanged, it
 * is not deployed, so a newer version from Modeler or {@code /engine-rest} stays the latest and new
 * contracts run on it. Changed since the last release, it is deployed as a new version and wins.
 */
@Service
class ModelDriftCheck {

  static final Duration REUSE = Duration.ofSeconds(60);
  private static final Logger log = LoggerFactory.getLogger(ModelDriftCheck.class);

  private final RepositoryService repository;
  private final Clock clock;
  private volatile List<ModelDrift> last;
  private volatile Instant checkedAt;

  ModelDriftCheck(RepositoryService repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @EventListener
  void afterDeployment(PostDeployEvent deployed) {
    try {
      for (ModelDrift drift : check()) {
        if (drift.drifts()) {
          log.warn("Model drift: {} {}: {}", drift.kind(), drift.key(), drift.explanation());
        }
      }
    } catch (RuntimeException e) {
      log.warn("The models could not be compared with the release", e);
    }
  }

  /** The last result, if it is recent, else a new check. */
  List<ModelDrift> recent() {
    Instant at = checkedAt;
    List<ModelDrift> result = last;
    if (result == null || at == null || at.plus(REUSE).isBefore(clock.instant())) {
      return check();
    }
    return result;
  }

  /** Compares every deployed model with the release now. */
  List<ModelDrift> check() {
    Map<String, Deployment> deployments =
        repository.createDeploymentQuery().list().stream()
            .collect(Collectors.toMap(Deployment::getId, Function.identity()));
    List<ModelDrift> drifts = new ArrayList<>();
    Map<String, List<ProcessDefinition>> processes =
        repository.createProcessDefinitionQuery().withoutTenantId().list().stream()
            .collect(Collectors.groupingBy(ProcessDefinition::getKey));
    processes.forEach((key, versions) -> drifts.add(drift("process", key, versions, deployments)));
    Map<String, List<DecisionDefinition>> decisions =
        repository.createDecisionDefinitionQuery().withoutTenantId().list().stream()
            .collect(Collectors.groupingBy(DecisionDefinition::getKey));
    decisions.forEach((key, versions) -> drifts.add(drift("decision", key, versions, deployments)));
    drifts.sort(Comparator.comparing(ModelDrift::kind).thenComparing(ModelDrift::key));
    last = List.copyOf(drifts);
    checkedAt = clock.instant();
    return last;
  }

  private ModelDrift drift(
      String kind,
      String key,
      List<? extends ResourceDefinition> versions,
      Map<String, Deployment> deployments) {
    List<? extends ResourceDefinition> newestFirst =
        versions.stream()
            .sorted(Comparator.comparingInt(ResourceDefinition::getVersion).reversed())
            .toList();
    ResourceDefinition latest = newestFirst.get(0);
    Deployment latestDeployment = deployments.get(latest.getDeploymentId());
    ModelSource latestSource = ModelSource.of(latestDeployment);
    ResourceDefinition fromClasspath =
        newestFirst.stream()
            .filter(
                d -> ModelSource.of(deployments.get(d.getDeploymentId())) == ModelSource.CLASSPATH)
            .findFirst()
            .orElse(null);
    byte[] releaseFile =
        fromClasspath == null ? null : classpathFile(fromClasspath.getResourceName());
    Boolean matchesLatest =
        releaseFile == null ? null : Arrays.equals(releaseFile, deployed(latest));
    Boolean changed =
        releaseFile == null ? null : !Arrays.equals(releaseFile, deployed(fromClasspath));
    List<Integer> replaced = new ArrayList<>();
    if (fromClasspath != null && latest == fromClasspath) {
      Integer previousClasspath =
          newestFirst.stream()
              .skip(1)
              .filter(
                  d ->
                      ModelSource.of(deployments.get(d.getDeploymentId())) == ModelSource.CLASSPATH)
              .map(ResourceDefinition::getVersion)
              .findFirst()
              .orElse(0);
      newestFirst.stream()
          .skip(1)
          .filter(d -> d.getVersion() > previousClasspath)
          .filter(d -> ModelSource.of(deployments.get(d.getDeploymentId())) == ModelSource.API)
          .map(ResourceDefinition::getVersion)
          .sorted()
          .forEach(replaced::add);
    }
    ModelDrift.Status status;
    String explanation;
    if (fromClasspath == null) {
      status = ModelDrift.Status.NOT_IN_RELEASE;
      explanation = "deployed only from outside the release (version " + latest.getVersion() + ")";
    } else if (latestSource == ModelSource.API) {
      status = ModelDrift.Status.NEWER_OUTSIDE_RELEASE;
      explanation =
          "version "
              + latest.getVersion()
              + " (deployment '"
              + (latestDeployment == null ? "?" : latestDeployment.getName())
              + "') is newer than the release's version "
              + fromClasspath.getVersion()
              + " and stays the latest"
              + (Boolean.TRUE.equals(matchesLatest)
                  ? "; it is the release's file"
                  : "; the release's file differs from it")
              + (Boolean.TRUE.equals(changed)
                  ? ", and the release's file changed since version "
                      + fromClasspath.getVersion()
                      + ": the next start deploys it as a new version, which wins"
                  : ", and the release's file is unchanged: a restart keeps it");
    } else if (!replaced.isEmpty()) {
      status = ModelDrift.Status.RELEASE_REPLACED_OUTSIDE_VERSION;
      explanation =
          "the release's version "
              + latest.getVersion()
              + " replaced version(s) "
              + replaced
              + " deployed from outside the release";
    } else {
      status = ModelDrift.Status.IN_STEP;
      explanation = "the latest version " + latest.getVersion() + " is the release's";
    }
    return new ModelDrift(
        kind,
        key,
        latest.getVersion(),
        latestSource,
        latestDeployment == null ? null : latestDeployment.getName(),
        latestDeployment == null || latestDeployment.getDeploymentTime() == null
            ? null
            : latestDeployment.getDeploymentTime().toInstant(),
        fromClasspath == null ? null : fromClasspath.getVersion(),
        fromClasspath == null || releaseFile == null ? null : fromClasspath.getResourceName(),
        matchesLatest,
        changed,
        List.copyOf(replaced),
        status,
        explanation);
  }

  private byte[] deployed(ResourceDefinition definition) {
    try (InputStream in =
        repository.getResourceAsStream(
            definition.getDeploymentId(), definition.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The release's file of this name, null if the release has none. */
  static byte[] classpathFile(String resourceName) {
    try (InputStream in =
        ModelDriftCheck.class.getClassLoader().getResourceAsStream(resourceName)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

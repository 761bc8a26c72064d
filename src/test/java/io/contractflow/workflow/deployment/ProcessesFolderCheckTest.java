package io.contractflow.workflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.identity.Role;
import io.contractflow.workflow.steps.StepsForChecks;
import io.contractflow.workflow.steps.WebhookProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The designer's check before deploying: the deployment checks on the files in {@code processes/}
 * (or the folder named by {@code -Dprocesses=...}), without starting the platform. Run with
 *
 * <pre>./mvnw -q test -Dtest=ProcessesFolderCheckTest -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * (or {@code npm run check:processes}, which runs bpmnlint first). The delegates are the workflow's
 * {@code @Component}s found on the classpath; forms must be in the folder; of the candidate groups
 * only the platform's role groups are known here (the platform checks the others against its
 * identity service when the models are deployed); webhook hosts are checked against {@code
 * CONTRACTFLOW_WEBHOOKS_ALLOWEDHOSTS} (comma-separated; unset: none, as on the platform).
 */
class ProcessesFolderCheckTest {

  /** The delegate beans of the workflow, as {@code expressions.DelegateBeans} finds them. */
  static Set<String> delegateBeans() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(true);
    scanner.resetFilters(true);
    for (Class<?> type : List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)) {
      scanner.addIncludeFilter(new AssignableTypeFilter(type));
    }
    AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> beans = new TreeSet<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("io.contractflow.workflow")) {
      if (!definition.getBeanClassName().startsWith("io.contractflow.workflow.tasks.")) {
        beans.add(names.generateBeanName(definition, registry));
      }
    }
    return beans;
  }

  @Test
  void theModelsInTheFolderPassTheDeploymentChecks() throws IOException {
    Path folder = Path.of(System.getProperty("processes", "processes"));
    Map<String, byte[]> resources = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        resources.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    Set<String> delegates = delegateBeans();
    String hosts = System.getenv("CONTRACTFLOW_WEBHOOKS_ALLOWEDHOSTS");
    List<String> allowed =
        hosts == null ? List.of() : Arrays.stream(hosts.split(",")).map(String::trim).toList();
    ModelCheck check =
        new ModelCheck(
            ElementTemplates.of(templates(folder.resolve("element-templates"))),
            StepsForChecks.all(
                new WebhookProperties(
                    allowed, "local", Duration.ofSeconds(1), Duration.ofSeconds(1))),
            new ModelCheck.Platform() {
              @Override
              public boolean isDelegate(String bean) {
                return delegates.contains(bean);
              }

              @Override
              public boolean formDeployed(String key) {
                return false;
              }

              @Override
              public Optional<Boolean> groupKnown(String groupId) {
                return Role.ofGroup(groupId).isPresent() ? Optional.of(true) : Optional.empty();
              }
            });

    List<ModelCheck.Problem> problems = check.check(resources);

    assertThat(delegates).contains("activateContract", "terminateContract", "callWebhook");
    assertThat(problems)
        .as(
            "problems of the models in "
                + folder.toAbsolutePath()
                + ":\n  "
                + String.join("\n  ", problems.stream().map(Object::toString).toList()))
        .isEmpty();
  }

  private static Map<String, String> templates(Path folder) throws IOException {
    Map<String, String> templates = new TreeMap<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
          templates.put(file.getFileName().toString(), Files.readString(file));
        }
      }
    }
    return templates;
  }
}

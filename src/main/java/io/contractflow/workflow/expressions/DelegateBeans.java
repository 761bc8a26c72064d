package io.contractflow.workflow.expressions;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The only Spring beans the engine's expression language can name: the delegates of the {@code
 * workflow} feature, that is every bean of type {@link JavaDelegate}, {@link TaskListener} or
 * {@link ExecutionListener} declared in {@code io.contractflow.workflow} (a {@code @Component}
 * class there, or a {@code @Bean} method of a configuration class there). Repositories, services,
 * the engine's own services and everything else stay out of reach of {@code ${...}}, in models,
 * filters and scripts alike; so do the platform's own listeners in {@code workflow.tasks}, which
 * the engine puts on every user task itself and which no model names. Every name here is named by a
 * model or a shipped element template, and every bean a model names is here ({@code
 * DelegateTrustIT}); a deployment naming another is refused ({@code workflow.deployment}).
 *
 * <p>The names are found from the bean definitions, without creating a bean (the engine is built
 * while the context starts, before the delegates exist); a bean is fetched only when an expression
 * names it.
 */
public final class DelegateBeans extends AbstractMap<Object, Object> {

  static final String PACKAGE = "io.contractflow.workflow.";

  /**
   * The listeners the engine puts on every user task (workflow.tasks.LifecycleTaskListeners), not
   * the models.
   */
  static final String ON_EVERY_USER_TASK = "io.contractflow.workflow.tasks.";

  static final Set<Class<?>> DELEGATE_TYPES =
      Set.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class);

  private final ConfigurableListableBeanFactory beanFactory;
  private volatile Set<String> names;

  public DelegateBeans(ConfigurableListableBeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  /** The names expressions may use. */
  public Set<String> names() {
    Set<String> known = names;
    if (known == null) {
      Set<String> found = new LinkedHashSet<>();
      for (Class<?> type : DELEGATE_TYPES) {
        for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
          if (declaredInWorkflow(name)) {
            found.add(name);
          }
        }
      }
      known = Set.copyOf(found);
      names = known;
    }
    return known;
  }

  private boolean declaredInWorkflow(String name) {
    if (!beanFactory.containsBeanDefinition(name)) {
      return false;
    }
    BeanDefinition definition = beanFactory.getBeanDefinition(name);
    String declaredBy =
        definition instanceof AnnotatedBeanDefinition annotated
                && annotated.getFactoryMethodMetadata() != null
            ? annotated.getFactoryMethodMetadata().getDeclaringClassName()
            : definition.getBeanClassName();
    return declaredBy != null
        && declaredBy.startsWith(PACKAGE)
        && !declaredBy.startsWith(ON_EVERY_USER_TASK);
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && names().contains(name);
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? beanFactory.getBean((String) key) : null;
  }

  @Override
  public Set<Map.Entry<Object, Object>> entrySet() {
    return names().stream()
        .map(name -> Map.entry((Object) name, beanFactory.getBean(name)))
        .collect(Collectors.toUnmodifiableSet());
  }
}

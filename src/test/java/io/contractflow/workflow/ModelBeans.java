package io.contractflow.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Holds the models' {@code delegateExpression}s to the delegate beans: every bean a model names
 * exists, every delegate bean (each {@code JavaDelegate}, {@code TaskListener} and {@code
 * ExecutionListener} that expressions can reach, {@code expressions.DelegateBeans}) is named by a
 * model, and the class behind a service task's bean is named after the task ("Activate contract":
 * {@code ActivateContract}). A generic step of an element template ({@code
 * processes/element-templates/}, {@code workflow.steps}) counts as used because its template ships
 * (a designer places it), and the tasks that use it are named as the designer likes; every bean a
 * template names must exist.
 */
public final class ModelBeans {

  private ModelBeans() {}

  /** What does not agree, in words; empty when the models and the beans agree. */
  public static List<String> problems(ProcessModels models, Map<String, Class<?>> delegateBeans) {
    return problems(models, delegateBeans, Set.of());
  }

  /**
   * As {@link #problems(ProcessModels, Map)}, with the beans the shipped element templates name.
   */
  public static List<String> problems(
      ProcessModels models, Map<String, Class<?>> delegateBeans, Set<String> templateBeans) {
    List<String> problems = new ArrayList<>();
    Set<String> named = new TreeSet<>(templateBeans);
    for (String bean : new TreeSet<>(templateBeans)) {
      if (!delegateBeans.containsKey(bean)) {
        problems.add(
            "an element template names ${" + bean + "}, but no delegate bean is called " + bean);
      }
    }
    for (ProcessModels.BeanUse use : models.beans()) {
      named.add(use.bean());
      Class<?> type = delegateBeans.get(use.bean());
      String where =
          use.file()
              + " "
              + use.elementId()
              + (use.elementName().isEmpty() ? "" : " \"" + use.elementName() + "\"");
      if (type == null) {
        problems.add(
            where + " names ${" + use.bean() + "}, but no delegate bean is called " + use.bean());
      } else if (use.elementType().equals("serviceTask")
          && !templateBeans.contains(use.bean())
          && !use.elementName().isEmpty()
          && !type.getSimpleName().equals(className(use.elementName()))) {
        problems.add(
            where
                + " is done by "
                + type.getSimpleName()
                + " (bean "
                + use.bean()
                + "); a service task's "
                + "class is named after the task: "
                + className(use.elementName()));
      }
    }
    delegateBeans.forEach(
        (bean, type) -> {
          if (!named.contains(bean)) {
            problems.add(
                "the delegate bean " + bean + " (" + type.getName() + ") is named by no model");
          }
        });
    return problems;
  }

  /**
   * The class a task's name asks for: "Escalate to contract admin" is {@code
   * EscalateToContractAdmin}.
   */
  public static String className(String taskName) {
    return Arrays.stream(taskName.trim().split("[^A-Za-z0-9]+"))
        .filter(word -> !word.isEmpty())
        .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
        .collect(Collectors.joining());
  }
}

package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.contractflow.workflow.review.ReviewDecision;
import io.contractflow.workflow.review.ReviewVariables;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Java side and the designer's files speak one vocabulary. Every {@code public static final
 * String} of a {@code *Variables} class in {@code io.contractflow.workflow} ({@link
 * ProcessVariables} and one per phase) is a process variable, unless its name starts with {@code
 * TASK_} (a task's id), {@code ROLE_} (the role a user task plays, its {@code contractflow.role}
 * property: the platform finds tasks by it) or {@code MESSAGE_} (a message's name). The test fails
 * when a model or form in {@code processes/} names a variable that is no constant, when a constant
 * is named by no model or form (unless it says {@link NotInModels}), when a task id or message is
 * not in the models, and when a decision or outcome value in a model or form is not a constant of
 * the enum its variable names with {@link ValuesOf} (or a constant of such an enum appears
 * nowhere).
 */
class ModelVocabularyTest {

  /** One constant of a vocabulary class. */
  record Constant(
      Class<?> owner, String field, String value, NotInModels notInModels, ValuesOf valuesOf) {

    String where() {
      return owner.getSimpleName() + "." + field;
    }
  }

  @Test
  void theModelsAndFormsUseExactlyTheVariablesAndValuesOfTheVariablesClasses() {
    List<Class<?>> vocabulary = vocabularyClasses();
    assertThat(vocabulary)
        .extracting(Class::getSimpleName)
        .contains(
            "ProcessVariables",
            "DraftingVariables",
            "ReviewVariables",
            "SigningVariables",
            "TermVariables");

    assertThat(problems(ProcessModels.read(Path.of("processes")), vocabulary)).isEmpty();
  }

  @Test
  void aModelNamingAnUnknownVariableOrValueFails() {
    ProcessModels models =
        ProcessModels.of(
            Map.of(
                "wrong.bpmn",
                """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
          <bpmn:process id="wrong">
            <bpmn:userTask id="Task_ReviewContract" camunda:assignee="${reviewer}"/>
            <bpmn:sequenceFlow id="f"><bpmn:conditionExpression>${decision == 'MAYBE'}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
          </bpmn:process>
        </bpmn:definitions>"""));

    List<String> problems = problems(models, List.of(ReviewVariables.class));

    assertThat(problems).anyMatch(p -> p.contains("reviewer") && p.contains("no constant"));
    assertThat(problems)
        .anyMatch(p -> p.contains("MAYBE") && p.contains(ReviewDecision.class.getSimpleName()));
    assertThat(problems)
        .anyMatch(p -> p.contains("REQUEST_CHANGES") && p.contains("appears in no model"));
    assertThat(problems)
        .anyMatch(p -> p.contains("approverGroups") && p.contains("no model or form"));
    assertThat(problems).anyMatch(p -> p.contains("ROLE_REVIEW") && p.contains("no user task"));
  }

  /** Every {@code *Variables} class of the workflow that holds public string constants. */
  static List<Class<?>> vocabularyClasses() {
    List<Class<?>> found = new ArrayList<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.contractflow.workflow")) {
      if (type.getSimpleName().endsWith("Variables") && !type.isNestedClass()) {
        Class<?> loaded = type.reflect();
        if (!constants(loaded).isEmpty()) {
          found.add(loaded);
        }
      }
    }
    found.sort(Comparator.comparing(Class::getName));
    return found;
  }

  static List<Constant> constants(Class<?> type) {
    List<Constant> constants = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)
          && field.getType() == String.class) {
        try {
          constants.add(
              new Constant(
                  type,
                  field.getName(),
                  (String) field.get(null),
                  field.getAnnotation(NotInModels.class),
                  field.getAnnotation(ValuesOf.class)));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return constants;
  }

  /**
   * What does not agree between the models and the vocabulary classes, in words; empty when all
   * agree.
   */
  static List<String> problems(ProcessModels models, List<Class<?>> vocabulary) {
    List<String> problems = new ArrayList<>();
    Map<String, Constant> variables = new HashMap<>();
    for (Class<?> type : vocabulary) {
      for (Constant constant : constants(type)) {
        if (constant.field().startsWith("TASK_")) {
          if (!models.taskIds().contains(constant.value())) {
            problems.add(
                constant.where()
                    + " = "
                    + constant.value()
                    + " is the id of no task in the models");
          }
        } else if (constant.field().startsWith("ROLE_")) {
          if (!models.roles().contains(constant.value())) {
            problems.add(
                constant.where()
                    + " = "
                    + constant.value()
                    + " is the role (contractflow.role) of no user task in the models");
          }
        } else if (constant.field().startsWith("MESSAGE_")) {
          if (!models.messages().contains(constant.value())) {
            problems.add(
                constant.where()
                    + " = "
                    + constant.value()
                    + " is the name of no message in the models");
          }
        } else {
          Constant earlier = variables.put(constant.value(), constant);
          if (earlier != null) {
            problems.add(
                constant.value()
                    + " is named twice: "
                    + earlier.where()
                    + " and "
                    + constant.where());
          }
        }
      }
    }
    models
        .variables()
        .forEach(
            (name, files) -> {
              Constant constant = variables.get(name);
              if (constant == null) {
                problems.add(
                    files
                        + " name the variable "
                        + name
                        + ", which is no constant of "
                        + names(vocabulary));
              } else if (constant.notInModels() != null) {
                problems.add(
                    constant.where() + " says no model names " + name + ", but " + files + " do");
              }
            });
    for (Constant constant : variables.values()) {
      if (constant.notInModels() == null && !models.variables().containsKey(constant.value())) {
        problems.add(
            constant.where()
                + " = "
                + constant.value()
                + " is named by no model or form (if only Java "
                + "needs it, say why with @NotInModels)");
      }
    }
    models
        .values()
        .forEach(
            (name, used) -> {
              Constant constant = variables.get(name);
              if (constant == null) {
                return; // reported above
              }
              if (constant.valuesOf() == null) {
                problems.add(
                    "the models give "
                        + name
                        + " the values "
                        + used
                        + ", but "
                        + constant.where()
                        + " names no enum of its values (@ValuesOf)");
                return;
              }
              Set<String> allowed = enumNames(constant.valuesOf().value());
              for (String value : used) {
                if (!allowed.contains(value)) {
                  problems.add(
                      "the models give "
                          + name
                          + " the value "
                          + value
                          + ", which is no constant of "
                          + constant.valuesOf().value().getSimpleName()
                          + " "
                          + allowed);
                }
              }
            });
    for (Constant constant : variables.values()) {
      if (constant.valuesOf() != null) {
        Set<String> used = models.values().getOrDefault(constant.value(), Set.of());
        for (String value : enumNames(constant.valuesOf().value())) {
          if (!used.contains(value)) {
            problems.add(
                constant.valuesOf().value().getSimpleName()
                    + "."
                    + value
                    + " (a value of "
                    + constant.value()
                    + ") appears in no model or form");
          }
        }
      }
    }
    return problems;
  }

  private static Set<String> enumNames(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Enum::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String names(List<Class<?>> vocabulary) {
    return vocabulary.stream().map(Class::getSimpleName).collect(Collectors.joining(", "));
  }
}

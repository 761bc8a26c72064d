package io.contractflow.workflow.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The element templates the platform ships for the process designer ({@code
 * processes/element-templates/*.json}, Camunda Modeler 7's format, on the classpath under the same
 * path): what each template binds, and which of its fields are required, constrained or fixed. The
 * deployment checks hold every element that names a template ({@code camunda:modelerTemplate}) to
 * it.
 */
public final class ElementTemplates {

  /** The prefix of the platform's template ids; elements using other templates are not checked. */
  public static final String PREFIX = "io.contractflow.";

  static final String LOCATION = "classpath*:processes/element-templates/*.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*(\\w+)\\s*}$");

  /**
   * One field of a template: its binding ({@code property}, {@code camunda:inputParameter}, {@code
   * camunda:field}, {@code camunda:property}, {@code camunda:executionListener}, a call's {@code
   * camunda:in}, {@code camunda:in:businessKey} and {@code camunda:out}) and name, a fixed value (a
   * {@code Hidden} field), and its constraints.
   */
  public record Field(
      String label,
      String bindingType,
      String name,
      String event,
      String fixedValue,
      boolean notEmpty,
      Integer maxLength,
      Pattern pattern,
      String patternMessage,
      Set<String> choices) {

    /** How a problem names the field: its label and the parameter it sets. */
    String title() {
      return (label == null ? "" : "'" + label + "' ") + "(" + bindingType + " " + name + ")";
    }
  }

  /** One template: id, version, the element types it applies to, its fields. */
  public record Template(
      String id, int version, String name, List<String> appliesTo, List<Field> fields) {}

  private final Map<String, TreeMap<Integer, Template>> templates;

  private ElementTemplates(Map<String, TreeMap<Integer, Template>> templates) {
    this.templates = templates;
  }

  /** The templates shipped on the classpath. */
  public static ElementTemplates shipped() {
    Map<String, String> files = new TreeMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        files.put(
            resource.getFilename(),
            new String(resource.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the element templates", e);
    }
    return of(files);
  }

  /** The templates of these files (each a template or an array of them), by file name. */
  public static ElementTemplates of(Map<String, String> files) {
    Map<String, TreeMap<Integer, Template>> templates = new LinkedHashMap<>();
    files.forEach(
        (file, text) -> {
          JsonNode root;
          try {
            root = JSON.readTree(text);
          } catch (IOException e) {
            throw new IllegalArgumentException("The element template " + file + " is no JSON", e);
          }
          for (JsonNode node : root.isArray() ? root : List.of(root)) {
            Template template = template(node);
            templates
                .computeIfAbsent(template.id(), id -> new TreeMap<>())
                .put(template.version(), template);
          }
        });
    return new ElementTemplates(templates);
  }

  private static Template template(JsonNode node) {
    List<String> appliesTo = new ArrayList<>();
    node.path("appliesTo").forEach(type -> appliesTo.add(type.asText()));
    List<Field> fields = new ArrayList<>();
    for (JsonNode property : node.path("properties")) {
      JsonNode binding = property.path("binding");
      JsonNode constraints = property.path("constraints");
      JsonNode pattern = constraints.path("pattern");
      String regex = pattern.isTextual() ? pattern.asText() : text(pattern, "value");
      Set<String> choices = new TreeSet<>();
      property.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
      fields.add(
          new Field(
              text(property, "label"),
              text(binding, "type"),
              bindingName(binding),
              text(binding, "event"),
              "Hidden".equals(text(property, "type")) ? text(property, "value") : null,
              constraints.path("notEmpty").asBoolean(false),
              constraints.has("maxLength") ? constraints.get("maxLength").asInt() : null,
              regex == null ? null : Pattern.compile(regex),
              text(pattern, "message"),
              choices));
    }
    return new Template(
        text(node, "id"), node.path("version").asInt(0), text(node, "name"), appliesTo, fields);
  }

  /**
   * What a binding sets: its name; for a call's mappings the variable it copies ({@code camunda:in}
   * target, {@code camunda:out} source), or {@code businessKey}.
   */
  private static String bindingName(JsonNode binding) {
    for (String key : List.of("name", "implementationType", "source", "target")) {
      if (binding.has(key)) {
        return text(binding, key);
      }
    }
    return "camunda:in:businessKey".equals(text(binding, "type")) ? "businessKey" : null;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  /** The template of this id and version; the latest of the id without a version. */
  public Optional<Template> get(String id, Integer version) {
    TreeMap<Integer, Template> versions = templates.get(id);
    if (versions == null || versions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        version == null ? versions.lastEntry().getValue() : versions.get(version));
  }

  public Collection<Template> all() {
    return templates.values().stream().flatMap(versions -> versions.values().stream()).toList();
  }

  /**
   * The delegate beans the templates name ({@code ${bean}} of a fixed delegate expression or
   * listener): a bean with a template counts as used, since a designer may place it.
   */
  public Set<String> beans() {
    Set<String> beans = new TreeSet<>();
    for (Template template : all()) {
      for (Field field : template.fields()) {
        if (field.fixedValue() == null) {
          continue;
        }
        boolean delegate =
            "camunda:delegateExpression".equals(field.name())
                || "camunda:executionListener".equals(field.bindingType());
        Matcher bean = BEAN.matcher(field.fixedValue());
        if (delegate && bean.matches()) {
          beans.add(bean.group(1));
        }
      }
    }
    return beans;
  }
}

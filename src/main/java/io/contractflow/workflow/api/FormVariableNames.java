package io.contractflow.workflow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a Camunda Form shows or fills: its fields' keys, the option lists it reads ({@code
 * valuesKey}), and the names its texts insert as templates ({@code {{reference}}}, {@code {{#if
 * late}}}) or read as a plain FEEL name ({@code =reference}). A form's data is these variables and
 * no others, so a task's form never hands out what the form does not use.
 */
final class FormVariableNames {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern TEMPLATE =
      Pattern.compile(
          "\\{\\{\\s*(?:[#/](?:if|each|loop|with|unless)\\s+)?([A-Za-z_][A-Za-z0-9_]*)");

  private static final Pattern PLAIN_FEEL_NAME =
      Pattern.compile("^=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*$");

  private FormVariableNames() {}

  static Set<String> of(String schema) {
    JsonNode root;
    try {
      root = JSON.readTree(schema);
    } catch (JsonProcessingException unreadable) {
      throw new IllegalArgumentException("The task's form is no readable form-js schema");
    }
    Set<String> names = new TreeSet<>();
    collect(root.path("components"), names);
    return names;
  }

  private static void collect(JsonNode components, Set<String> names) {
    for (JsonNode component : components) {
      addName(component.path("key"), names);
      addName(component.path("valuesKey"), names);
      for (Map.Entry<String, JsonNode> property : component.properties()) {
        if (property.getValue().isTextual()) {
          String text = property.getValue().asText();
          Matcher template = TEMPLATE.matcher(text);
          while (template.find()) {
            names.add(template.group(1));
          }
          Matcher feel = PLAIN_FEEL_NAME.matcher(text);
          if (feel.matches()) {
            names.add(feel.group(1));
          }
        }
      }
      if (component.has("components")) {
        collect(component.path("components"), names);
      }
    }
  }

  private static void addName(JsonNode value, Set<String> names) {
    if (value.isTextual() && !value.asText().isBlank()) {
      names.add(value.asText());
    }
  }
}

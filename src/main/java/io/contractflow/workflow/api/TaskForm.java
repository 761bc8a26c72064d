package io.contractflow.workflow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.validation.PlainTextValidator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A deployed Camunda Form (form-js schema) as the server checks what is submitted against it: the
 * input fields (components with a {@code key}, also inside groups), their type, {@code validate}
 * rules ({@code required}, {@code minLength}/{@code maxLength}, {@code pattern}, {@code
 * validationType} email, {@code min}/{@code max}) and static options ({@code values}). What the
 * server cannot evaluate is not enforced: FEEL expressions (a field hidden by a condition is not
 * required), options from a variable ({@code valuesKey}/{@code valuesExpression}) accept any text.
 * Read-only and disabled fields are not asked.
 */
record TaskForm(String id, List<Field> fields) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Longest text a field takes when its form sets no maximum. */
  static final int TEXT_LIMIT = 10_000;

  /** Most entries a checklist or tag list takes. */
  static final int LIST_LIMIT = 200;

  private static final Set<String> INPUT_TYPES =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "checkbox",
          "checklist",
          "radio",
          "select",
          "taglist",
          "datetime");

  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

  /** One input field. */
  record Field(
      String key,
      String type,
      String subtype,
      boolean required,
      Integer minLength,
      Integer maxLength,
      String pattern,
      String validationType,
      BigDecimal min,
      BigDecimal max,
      List<String> options,
      Object defaultValue,
      boolean conditional) {}

  /** Reads the form's schema; a schema that is no form is refused. */
  static TaskForm parse(String schema) {
    JsonNode root;
    try {
      root = JSON.readTree(schema);
    } catch (JsonProcessingException unreadable) {
      throw new IllegalArgumentException("The task's form is no readable form-js schema");
    }
    List<Field> fields = new ArrayList<>();
    collect(root.path("components"), fields);
    return new TaskForm(root.path("id").asText(null), List.copyOf(fields));
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      if (component.has("components")) {
        collect(component.path("components"), fields); // group
      }
      String key = component.path("key").asText("");
      if (!INPUT_TYPES.contains(type)
          || key.isBlank()
          || component.path("readonly").asBoolean(false)
          || component.path("disabled").asBoolean(false)) {
        continue;
      }
      JsonNode validate = component.path("validate");
      List<String> options = null;
      if (component.path("values").isArray()) {
        options = new ArrayList<>();
        for (JsonNode option : component.path("values")) {
          options.add(option.path("value").asText());
        }
      }
      String subtype =
          type.equals("datetime") ? component.path("subtype").asText("datetime") : null;
      fields.add(
          new Field(
              key,
              type,
              subtype,
              validate.path("required").asBoolean(false),
              integer(validate.path("minLength")),
              integer(validate.path("maxLength")),
              validate.path("pattern").isTextual() ? validate.path("pattern").asText() : null,
              validate.path("validationType").asText(null),
              decimal(validate.path("min")),
              decimal(validate.path("max")),
              options,
              component.has("defaultValue")
                  ? JSON.convertValue(component.get("defaultValue"), Object.class)
                  : null,
              component.has("conditional")));
    }
  }

  private static Integer integer(JsonNode node) {
    return node.canConvertToInt() && node.isNumber() ? node.asInt() : null;
  }

  private static BigDecimal decimal(JsonNode node) {
    return node.isNumber() ? node.decimalValue() : null;
  }

  /** The keys of the form's input fields. */
  List<String> keys() {
    return fields.stream().map(Field::key).toList();
  }

  /**
   * The submitted values as process variables, with the fields' defaults where nothing was
   * submitted (a checkbox left alone is false); each field at fault is added to {@code errors}.
   */
  Map<String, Object> check(Map<String, Object> submitted, List<FieldError> errors) {
    Map<String, Object> variables = new LinkedHashMap<>();
    Set<String> known = Set.copyOf(keys());
    submitted.keySet().stream()
        .filter(key -> !known.contains(key))
        .sorted()
        .forEach(key -> errors.add(new FieldError(key, "is not asked by this task")));
    for (Field field : fields) {
      Object value = submitted.get(field.key());
      if (value == null) {
        value = field.defaultValue();
      }
      if (value == null && field.type().equals("checkbox")) {
        value = Boolean.FALSE;
      }
      String problem = problem(field, value);
      if (problem != null) {
        errors.add(new FieldError(field.key(), problem));
      } else if (value != null) {
        variables.put(field.key(), asVariable(value));
      }
    }
    return variables;
  }

  private static boolean empty(Object value) {
    return value == null
        || (value instanceof String text && text.isBlank())
        || (value instanceof Collection<?> list && list.isEmpty());
  }

  /** What is wrong with the value for the field, in words; null when nothing is. */
  private static String problem(Field field, Object value) {
    if (empty(value)) {
      return field.required() && !field.conditional() ? "is required" : null;
    }
    return switch (field.type()) {
      case "textfield", "textarea" -> text(field, value);
      case "number" -> number(field, value);
      case "checkbox" ->
          !(value instanceof Boolean checked)
              ? "must be true or false"
              : field.required() && !field.conditional() && !checked ? "must be checked" : null;
      case "radio", "select" ->
          value instanceof String choice
              ? option(field, choice)
              : "must be one of " + optionsOf(field);
      case "checklist", "taglist" -> list(field, value);
      case "datetime" ->
          value instanceof String when ? dateTime(field, when) : "must be a date or time";
      default -> null;
    };
  }

  private static String text(Field field, Object value) {
    if (!(value instanceof String text)) {
      return "must be text";
    }
    boolean multiline = field.type().equals("textarea");
    if (text.codePoints()
        .anyMatch(
            c ->
                multiline && (c == '\n' || c == '\r' || c == '\t')
                    ? false
                    : PlainTextValidator.hidden(c))) {
      return "must be plain text";
    }
    int max = field.maxLength() == null ? TEXT_LIMIT : Math.min(field.maxLength(), TEXT_LIMIT);
    if (text.length() > max) {
      return "must be at most " + max + " characters";
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      return "must be at least " + field.minLength() + " characters";
    }
    if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
      return "must be an email address";
    }
    if (field.pattern() != null) {
      try {
        if (!Pattern.compile(field.pattern()).matcher(text).find()) {
          return "must match the pattern " + field.pattern();
        }
      } catch (PatternSyntaxException badPattern) {
        return null; // the designer's pattern is broken: nothing to hold the value to
      }
    }
    return null;
  }

  private static String number(Field field, Object value) {
    BigDecimal number;
    if (value instanceof Number n) {
      number = new BigDecimal(n.toString());
    } else {
      return "must be a number";
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      return "must be at least " + field.min().toPlainString();
    }
    if (field.max() != null && number.compareTo(field.max()) > 0) {
      return "must be at most " + field.max().toPlainString();
    }
    return null;
  }

  private static String option(Field field, String choice) {
    if (field.options() == null || field.options().contains(choice)) {
      return choice.length() > TEXT_LIMIT ? "is too long" : null;
    }
    return "must be one of " + optionsOf(field);
  }

  private static String optionsOf(Field field) {
    return field.options() == null ? "the offered options" : String.join(", ", field.options());
  }

  private static String list(Field field, Object value) {
    if (!(value instanceof List<?> list) || list.size() > LIST_LIMIT) {
      return "must be a list of at most " + LIST_LIMIT + " of " + optionsOf(field);
    }
    for (Object entry : list) {
      if (!(entry instanceof String choice) || option(field, choice) != null) {
        return "must hold only " + optionsOf(field);
      }
    }
    return null;
  }

  private static String dateTime(Field field, String when) {
    try {
      switch (field.subtype()) {
        case "date" -> LocalDate.parse(when);
        case "time" -> {
          if (when.length() > 5
              && (when.contains("+") || when.contains("-") || when.endsWith("Z"))) {
            OffsetTime.parse(when);
          } else {
            LocalTime.parse(when);
          }
        }
        default -> {
          if (when.endsWith("Z") || when.lastIndexOf('+') > 10 || when.lastIndexOf('-') > 10) {
            OffsetDateTime.parse(when);
          } else {
            LocalDateTime.parse(when);
          }
        }
      }
      return null;
    } catch (DateTimeParseException notADate) {
      return switch (field.subtype()) {
        case "date" -> "must be a date (yyyy-mm-dd)";
        case "time" -> "must be a time (hh:mm)";
        default -> "must be a date and time (ISO 8601)";
      };
    }
  }

  /**
   * A value as a process variable: whole numbers as Long, other numbers as Double, lists as their
   * JSON text (the engine stores no Java lists).
   */
  private static Object asVariable(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number number) {
      BigDecimal decimal = new BigDecimal(number.toString());
      if (decimal.stripTrailingZeros().scale() <= 0
          && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
        return decimal.longValue();
      }
      return number.doubleValue();
    }
    if (value instanceof List<?> list) {
      try {
        return JSON.writeValueAsString(list);
      } catch (JsonProcessingException cannot) {
        throw new IllegalStateException(cannot);
      }
    }
    return value;
  }
}

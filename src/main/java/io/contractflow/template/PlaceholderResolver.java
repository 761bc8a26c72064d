package io.contractflow.template;

import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gives every placeholder of a template its value — contract facts, request variables ({@code
 * var.NAME}) and clauses ({@code clause:KEY} for the latest version, {@code clause:KEY@N} for
 * version N, their own placeholders filled too) — or refuses with one 400 problem listing every
 * placeholder that is unknown or has no value.
 */
final class PlaceholderResolver {

  private static final Pattern CLAUSE =
      Pattern.compile("clause:([a-z0-9]+(?:-[a-z0-9]+)*)(?:@([1-9][0-9]{0,8}))?");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  private PlaceholderResolver() {}

  static Map<String, String> resolve(
      Collection<String> names,
      ContractFacts facts,
      Map<String, String> variables,
      ClauseLookup clauses) {
    Map<String, String> known = facts.values();
    Map<String, String> vars = variables == null ? Map.of() : variables;
    List<FieldError> errors = new ArrayList<>();
    vars.forEach(
        (name, value) -> {
          if (!VARIABLE_NAME.matcher(name).matches()) {
            errors.add(
                new FieldError(
                    "variables." + name, "is not a valid variable name (letters, digits, _)"));
          } else if (value != null && (value.contains("{{") || value.contains("}}"))) {
            errors.add(new FieldError("variables." + name, "must not contain '{{' or '}}'"));
          }
        });
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : names) {
      Matcher clause = CLAUSE.matcher(name);
      if (name.startsWith(Placeholders.CLAUSE_PREFIX)) {
        if (!clause.matches()) {
          errors.add(
              new FieldError("template", "{{" + name + "}} is not a valid clause reference"));
          continue;
        }
        Integer version = clause.group(2) == null ? null : Integer.valueOf(clause.group(2));
        Optional<String> text = clauses.text(clause.group(1), version);
        if (text.isEmpty()) {
          errors.add(
              new FieldError(
                  "template",
                  "{{"
                      + name
                      + "}}: clause '"
                      + clause.group(1)
                      + "'"
                      + (version == null ? "" : " has no version " + version + " or")
                      + " does not exist"));
          continue;
        }
        Map<String, String> inner = new LinkedHashMap<>();
        for (String innerName : Placeholders.in(text.get())) {
          simple(innerName, known, vars, errors).ifPresent(v -> inner.put(innerName, v));
        }
        if (inner.size() == Placeholders.in(text.get()).size()) {
          values.put(name, Placeholders.replace(text.get(), inner));
        }
      } else {
        simple(name, known, vars, errors).ifPresent(v -> values.put(name, v));
      }
    }
    if (!errors.isEmpty()) {
      List<FieldError> distinct = errors.stream().distinct().toList();
      throw new InvalidInputException(
          "validation",
          "The template cannot be filled: "
              + distinct.stream()
                  .map(e -> e.field() + " " + e.message())
                  .collect(Collectors.joining("; ")),
          distinct);
    }
    return values;
  }

  private static Optional<String> simple(
      String name, Map<String, String> known, Map<String, String> vars, List<FieldError> errors) {
    if (name.startsWith(Placeholders.VARIABLE_PREFIX)) {
      String variable = name.substring(Placeholders.VARIABLE_PREFIX.length());
      String value = vars.get(variable);
      if (value == null || value.isBlank()) {
        errors.add(new FieldError("variables." + variable, "is required by the template"));
        return Optional.empty();
      }
      return Optional.of(value.strip());
    }
    if (name.startsWith(Placeholders.CLAUSE_PREFIX)) {
      errors.add(
          new FieldError("template", "{{" + name + "}}: a clause cannot include another clause"));
      return Optional.empty();
    }
    String value = known.get(name);
    if (value == null) {
      errors.add(new FieldError("template", "{{" + name + "}} is not a known placeholder"));
    }
    return Optional.ofNullable(value);
  }
}

package io.contractflow.template;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds and replaces {@code {{name}}} placeholders in text. */
final class Placeholders {

  static final String CLAUSE_PREFIX = "clause:";
  static final String VARIABLE_PREFIX = "var.";
  static final Pattern PATTERN = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private Placeholders() {}

  /** The placeholder names in the text, in order of first use. */
  static Set<String> in(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PATTERN.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The text with every placeholder replaced; a name without a value is an error of the caller. */
  static String replace(String text, Map<String, String> values) {
    Matcher m = PATTERN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("No value for {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * True if braces remain once the well-formed placeholders are taken out: {{ or }} on their own.
   */
  static boolean hasStrayBraces(String text) {
    String rest = PATTERN.matcher(text).replaceAll("");
    return rest.contains("{{") || rest.contains("}}");
  }
}

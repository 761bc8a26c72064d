package io.contractflow.workflow.enginerest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of Camunda's REST API: its HTTP method and its path template below the engine (as
 * JAX-RS writes it, e.g. {@code /task/{id}/claim}), and the Java method that serves it ({@code
 * queryTasks}).
 */
public record EngineOperation(String httpMethod, String template, String javaMethod) {

  private static final Pattern VARIABLE =
      Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

  /** {@code GET /task/{id}}: how the allow-list names it. */
  public String key() {
    return httpMethod + " " + template;
  }

  Pattern pattern() {
    StringBuilder regex = new StringBuilder();
    Matcher m = VARIABLE.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append('(').append(m.group(2) == null ? "[^/]+" : m.group(2).strip()).append(')');
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(regex.toString());
  }

  /** JAX-RS's precedence: more literal characters first, then more variables. */
  int literalCharacters() {
    return VARIABLE.matcher(template).replaceAll("").length();
  }

  int variables() {
    return (int) VARIABLE.matcher(template).results().count();
  }

  @Override
  public String toString() {
    return key();
  }
}

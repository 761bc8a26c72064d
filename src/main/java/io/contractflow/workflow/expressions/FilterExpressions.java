package io.contractflow.workflow.expressions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;

/**
 * Which stored filters hold an expression, and which of those the engine may evaluate.
 *
 * <p>An expression is {@code ${...}} or {@code #{...}} anywhere in a filter's query (every
 * criterion, the or-queries, variable names and values) or its properties. The engine evaluates a
 * filter's expressions only if the filter was last saved by an administrator or by the platform
 * itself (the shipped filters): such a save leaves a mark, the engine property {@code
 * contractflow.filter-expr.<filter id>}, naming who saved it. Any other filter with an expression,
 * including one stored before this rule, is not evaluated.
 */
public final class FilterExpressions {

  /** Engine property name prefix of the mark; the property's value names who saved the filter. */
  public static final String TRUST_PREFIX = "contractflow.filter-expr.";

  private static final ObjectMapper JSON = new ObjectMapper();

  private FilterExpressions() {}

  public static boolean containsExpression(FilterEntity filter) {
    return containsExpression(filter.getQueryInternal())
        || containsExpression(filter.getPropertiesInternal());
  }

  /** Whether any member name or value of the JSON document holds {@code ${} or {@code #{}; unreadable JSON does. */
  static boolean containsExpression(String json) {
    if (json == null) {
      return false;
    }
    try {
      return containsExpression(JSON.readTree(json));
    } catch (JsonProcessingException unreadable) {
      return isExpression(json);
    }
  }

  private static boolean containsExpression(JsonNode node) {
    if (node.isTextual()) {
      return isExpression(node.asText());
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
        Map.Entry<String, JsonNode> member = members.next();
        if (isExpression(member.getKey()) || containsExpression(member.getValue())) {
          return true;
        }
      }
      return false;
    }
    for (JsonNode element : node) {
      if (containsExpression(element)) {
        return true;
      }
    }
    return false;
  }

  static boolean isExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }

  static String trustProperty(String filterId) {
    return TRUST_PREFIX + filterId;
  }

  /**
   * Whether the engine may evaluate the expressions of the filter with this id (read with admin's
   * services).
   */
  public static boolean trusted(ManagementService managementService, String filterId) {
    return managementService.getProperties().containsKey(trustProperty(filterId));
  }
}

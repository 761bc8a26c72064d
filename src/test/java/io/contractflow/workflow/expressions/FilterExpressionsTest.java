package io.contractflow.workflow.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as an expression in a stored filter's JSON: anywhere, however the JSON spells it. */
class FilterExpressionsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"assigneeExpression\":\"${currentUser()}\"}",
        "{\"orQueries\":[{\"candidateGroupsExpression\":\"#{x}\"}]}",
        "{\"processVariables\":[{\"name\":\"a\",\"operator\":\"eq\",\"value\":\"pre ${bean.call()} post\"}]}",
        "{\"a\":{\"b\":[[\"\\u0024{escaped}\"]]}}",
        "{\"${inAName}\":1}",
        "not json ${x}"
      })
  void anExpressionAnywhereIsFound(String json) {
    assertThat(FilterExpressions.containsExpression(json)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"assignee\":\"rita\",\"name\":\"$ {not} # {either}\",\"priority\":5}",
        "{\"processVariables\":[{\"name\":\"a\",\"operator\":\"like\",\"value\":\"%{x}$\"}]}"
      })
  void plainCriteriaAreNot(String json) {
    assertThat(FilterExpressions.containsExpression(json)).isFalse();
  }
}

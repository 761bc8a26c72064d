package io.contractflow.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.contract.ContractType;
import io.contractflow.customfield.CustomFieldDefinition;
import io.contractflow.customfield.FieldKind;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A designer's rule on a custom field: the shipped approval matrix with one more input column,
 * {@code cf_risk} (src/test/resources/dmn/approval-matrix-with-custom-field.dmn, as
 * docs/process-design.md describes), fed the variables {@link ContractFacts} puts on the review.
 * The same contract routes to the executive only when its risk is high.
 */
class CustomFieldRoutingTest {

  private static final List<CustomFieldDefinition> FIELDS =
      List.of(
          field("risk", ContractType.SERVICES, FieldKind.CHOICE, List.of("low", "high")),
          field("budget", null, FieldKind.MONEY, List.of()),
          field("seats", null, FieldKind.NUMBER, List.of()));

  private static DmnEngine dmn;
  private static DmnDecision approvers;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model =
        CustomFieldRoutingTest.class.getResourceAsStream(
            "/dmn/approval-matrix-with-custom-field.dmn")) {
      approvers = dmn.parseDecision("approvers", model);
    }
  }

  private static CustomFieldDefinition field(
      String key, ContractType type, FieldKind kind, List<String> choices) {
    return new CustomFieldDefinition(
        UUID.randomUUID(),
        key,
        key,
        type,
        kind,
        false,
        choices,
        false,
        Instant.EPOCH,
        Instant.EPOCH,
        0);
  }

  /** A SERVICES contract of 5,000 in the base currency, with these custom field values. */
  private static List<Object> route(Map<String, Object> customValues) {
    VariableMap variables =
        Variables.createVariables()
            .putValue("contractType", "SERVICES")
            .putValue("baseValue", 5000.0)
            .putValue("nonStandardTerms", false);
    variables.putAll(ContractFacts.customFieldFacts(FIELDS, customValues));
    return dmn.evaluateDecisionTable(approvers, variables).collectEntries("approverGroup");
  }

  @Test
  void aHighRiskContractAlsoGoesToTheExecutive() {
    assertThat(route(Map.of("risk", "high")))
        .containsExactly("legal-reviewer", "executive-approver");
  }

  @Test
  void aLowRiskOrUnsetOneDoesNot() {
    assertThat(route(Map.of("risk", "low"))).containsExactly("legal-reviewer");
    assertThat(route(Map.of())).containsExactly("legal-reviewer");
  }

  @Test
  void everyFieldIsAVariableNumbersAndMoneyAsNumbers() {
    Map<String, Object> facts =
        ContractFacts.customFieldFacts(
            FIELDS,
            Map.of(
                "seats",
                new BigDecimal("12.5"),
                "budget",
                Map.of("amount", new BigDecimal("1200.50"), "currency", "EUR")));

    assertThat(facts)
        .containsEntry("cf_risk", null)
        .containsEntry("cf_seats", 12.5)
        .containsEntry("cf_budget", 1200.5)
        .containsEntry("cf_budget_currency", "EUR");
  }
}

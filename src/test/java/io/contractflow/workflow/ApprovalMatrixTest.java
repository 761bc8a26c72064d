package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The approval matrix in processes/approval-matrix.dmn, rule by rule, on the DMN engine alone. */
class ApprovalMatrixTest {

  private static DmnEngine dmn;
  private static DmnDecision approvers;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = Files.newInputStream(Path.of("processes/approval-matrix.dmn"))) {
      approvers = dmn.parseDecision("approvers", model);
    }
  }

  @ParameterizedTest(name = "{0}, {1}, non-standard {2} -> [{3}]")
  @CsvSource(
      delimiter = ';',
      value = {
        "NDA;        5000;   false; ''",
        "NDA;        5000;   true;  legal-reviewer",
        "NDA;        9999.99; false; ''",
        "NDA;        10000;  false; finance-approver",
        "NDA;        150000; false; finance-approver executive-approver",
        "MSA;        500;    false; legal-reviewer",
        "SERVICES;   50000;  false; legal-reviewer finance-approver",
        "SERVICES;   50000;  true;  legal-reviewer finance-approver",
        "LICENSE;    250000; true;  legal-reviewer finance-approver executive-approver",
        "EMPLOYMENT; 99999;  false; legal-reviewer finance-approver"
      })
  void routesToTheRightGroups(String type, double value, boolean nonStandard, String expected) {
    List<Object> groups =
        dmn.evaluateDecisionTable(
                approvers,
                Variables.createVariables()
                    .putValue("contractType", type)
                    .putValue("baseValue", value)
                    .putValue("nonStandardTerms", nonStandard))
            .collectEntries("approverGroup");

    assertThat(groups)
        .containsExactlyElementsOf(expected.isBlank() ? List.of() : List.of(expected.split(" ")));
  }
}

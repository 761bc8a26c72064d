package io.contractflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormVariableNamesTest {

  @Test
  void keysOptionListsTemplatesAndPlainFeelNamesInGroupsToo() {
    String schema =
        """
        {"components": [
          {"type": "text", "text": "#### {{reference}} · {{ contractTitle }} {{#if late}}late{{/if}}"},
          {"type": "textfield", "key": "ticket", "label": "Ticket"},
          {"type": "select", "key": "risk", "valuesKey": "riskLevels"},
          {"type": "group", "components": [
            {"type": "number", "key": "score", "label": "=scoreLabel"},
            {"type": "text", "text": "=if score > 5 then hint else other"}
          ]}
        ]}
        """;

    assertThat(FormVariableNames.of(schema))
        .containsExactly(
            "contractTitle",
            "late",
            "reference",
            "risk",
            "riskLevels",
            "score",
            "scoreLabel",
            "ticket");
  }

  @Test
  void theShippedReviewFormNamesItsFactsAndFields() throws Exception {
    assertThat(FormVariableNames.of(Files.readString(Path.of("processes/review-contract.form"))))
        .contains("reference", "contractTitle", "decision", "comment", "approverGroup");
  }

  @Test
  void noFormNoNames() {
    assertThatThrownBy(() -> FormVariableNames.of("not json"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package io.contractflow.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;

/** Which candidate groups a deployed model or decision names, for their Tasklist access. */
class ModelGroupsTest {

  @Test
  void aModelNamesItsLiteralCandidateGroupsNotItsExpressions() {
    var model =
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .userTask("a")
            .camundaCandidateGroups("security, privacy")
            .userTask("b")
            .camundaCandidateGroups("${approverGroup}")
            .endEvent()
            .done();

    assertThat(ModelGroups.of(model)).containsExactly("privacy", "security");
  }

  @Test
  void theApprovalMatrixNamesTheGroupsOfItsGroupOutput() throws Exception {
    var matrix =
        Dmn.readModelFromStream(
            new ByteArrayInputStream(
                Files.readString(Path.of("processes/approval-matrix.dmn"))
                    .getBytes(StandardCharsets.UTF_8)));

    assertThat(ModelGroups.of(matrix))
        .containsExactlyInAnyOrder("legal-reviewer", "finance-approver", "executive-approver");
  }
}

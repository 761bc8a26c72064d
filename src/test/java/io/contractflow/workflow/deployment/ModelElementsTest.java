package io.contractflow.workflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Comparing two deployments of a model: what a designer changed, not where shapes sit. */
class ModelElementsTest {

  private static final String FILE = "contract-review.bpmn";

  private static Map<String, String> elements(String model) {
    return ModelElements.of(FILE, model.getBytes(StandardCharsets.UTF_8));
  }

  private static String review() throws Exception {
    return Files.readString(Path.of("processes", FILE));
  }

  @Test
  void movingShapesChangesNothingRenamingATaskModifiesIt() throws Exception {
    String model = review();
    Map<String, String> before = elements(model);
    assertThat(before).containsKeys("Task_StartReview", "Task_DetermineApprovers");
    assertThat(before.keySet()).noneMatch(id -> id.endsWith("_di"));

    String moved = model.replace("<dc:Bounds x=\"175\" y=\"30\"", "<dc:Bounds x=\"575\" y=\"90\"");
    assertThat(moved).isNotEqualTo(model);
    ModelElements.Diff layout = ModelElements.diff(before, elements(moved));
    assertThat(layout.added()).isEmpty();
    assertThat(layout.removed()).isEmpty();
    assertThat(layout.modified()).isEmpty();

    String renamed =
        model.replace("name=\"Determine approvers\"", "name=\"Determine the approvers\"");
    assertThat(ModelElements.diff(before, elements(renamed)).modified())
        .containsExactly("Task_DetermineApprovers");
  }

  @Test
  void aNewTaskIsAddedAndATaskTakenOutIsRemoved() throws Exception {
    String model = review();
    String changed = model.replace("id=\"Task_StartReview\"", "id=\"Task_OpenReview\"");
    ModelElements.Diff diff = ModelElements.diff(elements(model), elements(changed));
    assertThat(diff.added()).contains("Task_OpenReview");
    assertThat(diff.removed()).contains("Task_StartReview");
  }

  @Test
  void aFileThatIsNoModelHasNoElementsAndADoctypeIsNotRead() {
    assertThat(ModelElements.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(
            ModelElements.of(
                "evil.bpmn",
                ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<definitions id=\"D\">&e;</definitions>")
                    .getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }
}

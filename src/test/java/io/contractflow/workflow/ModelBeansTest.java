package io.contractflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * The check of the models' delegate expressions finds what it is for (DelegateTrustIT runs it on
 * the real beans).
 */
class ModelBeansTest {

  private static final String MODEL =
      """
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
        <bpmn:process id="p">
          <bpmn:serviceTask id="Task_Activate" name="Activate contract" camunda:delegateExpression="${activateContract}"/>
          <bpmn:serviceTask id="Task_Archive" name="Archive contract" camunda:delegateExpression="${archiveContract}"/>
          <bpmn:userTask id="Task_Review" name="Review contract">
            <bpmn:extensionElements>
              <camunda:taskListener delegateExpression="${fourEyes}" event="complete"/>
            </bpmn:extensionElements>
          </bpmn:userTask>
        </bpmn:process>
      </bpmn:definitions>""";

  static class ActivateContract {}

  static class ActivateTheContract {}

  static class FourEyes {}

  static class Forgotten {}

  @Test
  void readsTheBeansOfTasksAndListeners() {
    assertThat(ProcessModels.of(Map.of("m.bpmn", MODEL)).beans())
        .extracting(
            ProcessModels.BeanUse::elementId,
            ProcessModels.BeanUse::elementType,
            ProcessModels.BeanUse::bean)
        .containsExactlyInAnyOrder(
            tuple("Task_Activate", "serviceTask", "activateContract"),
            tuple("Task_Archive", "serviceTask", "archiveContract"),
            tuple("Task_Review", "userTask", "fourEyes"));
  }

  @Test
  void aModelNamingAMissingBeanFails() {
    assertThat(
            ModelBeans.problems(
                ProcessModels.of(Map.of("m.bpmn", MODEL)),
                Map.of("activateContract", ActivateContract.class, "fourEyes", FourEyes.class)))
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("Task_Archive", "${archiveContract}", "no delegate bean");
  }

  @Test
  void aBeanNoModelNamesFails() {
    assertThat(
            ModelBeans.problems(
                ProcessModels.of(Map.of("m.bpmn", MODEL)),
                Map.of(
                    "activateContract",
                    ActivateContract.class,
                    "archiveContract",
                    ActivateContract.class,
                    "fourEyes",
                    FourEyes.class,
                    "forgotten",
                    Forgotten.class)))
        .anyMatch(
            problem -> problem.contains("forgotten") && problem.contains("named by no model"));
  }

  @Test
  void aServiceTasksClassIsNamedAfterTheTask() {
    assertThat(
            ModelBeans.problems(
                ProcessModels.of(Map.of("m.bpmn", MODEL)),
                Map.of(
                    "activateContract",
                    ActivateTheContract.class,
                    "archiveContract",
                    ActivateContract.class,
                    "fourEyes",
                    FourEyes.class)))
        .anyMatch(
            problem ->
                problem.contains("ActivateTheContract") && problem.contains("ActivateContract"))
        .anyMatch(
            problem -> problem.contains("Task_Archive") && problem.contains("ArchiveContract"));
    assertThat(ModelBeans.className("Escalate to contract admin"))
        .isEqualTo("EscalateToContractAdmin");
  }

  static class SetContractStatus {}

  @Test
  void aTemplatesDelegateCountsAsUsedAndItsTasksAreNamedFreely() {
    String model =
        """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
          <bpmn:process id="p">
            <bpmn:serviceTask id="Task_Hold" name="Put contract on hold" camunda:delegateExpression="${setContractStatus}"/>
          </bpmn:process>
        </bpmn:definitions>""";
    Map<String, Class<?>> beans =
        Map.of("setContractStatus", SetContractStatus.class, "notifyByMail", Forgotten.class);
    assertThat(
            ModelBeans.problems(
                ProcessModels.of(Map.of("m.bpmn", model)),
                beans,
                java.util.Set.of("setContractStatus", "notifyByMail")))
        .isEmpty();
    assertThat(ModelBeans.problems(ProcessModels.of(Map.of("m.bpmn", model)), beans))
        .anyMatch(
            problem -> problem.contains("notifyByMail") && problem.contains("named by no model"))
        .anyMatch(
            problem -> problem.contains("Task_Hold") && problem.contains("PutContractOnHold"));
    assertThat(
            ModelBeans.problems(
                ProcessModels.of(Map.of("m.bpmn", model)),
                beans,
                java.util.Set.of("setContractStatus", "notifyByMail", "callWebhook")))
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("element template", "callWebhook");
  }
}

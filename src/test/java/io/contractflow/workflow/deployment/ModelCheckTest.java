package io.contractflow.workflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractflow.workflow.steps.StepsForChecks;
import io.contractflow.workflow.steps.WebhookProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The deployment checks find each kind of problem, all of them at once, and pass a good model. */
class ModelCheckTest {

  private static final Set<String> DELEGATES =
      Set.of("setContractStatus", "notifyByMail", "recordAuditEntry", "callWebhook", "setDueDate");

  private final ModelCheck.Platform platform =
      new ModelCheck.Platform() {
        @Override
        public boolean isDelegate(String bean) {
          return DELEGATES.contains(bean);
        }

        @Override
        public boolean formDeployed(String key) {
          return key.equals("review-contract");
        }

        @Override
        public Optional<Boolean> groupKnown(String groupId) {
          return groupId.equals("unlisted")
              ? Optional.empty()
              : Optional.of(groupId.equals("legal-reviewer"));
        }
      };

  private final ModelCheck check =
      new ModelCheck(
          ElementTemplates.shipped(),
          StepsForChecks.all(
              new WebhookProperties(
                  List.of("localhost"), "k", Duration.ofSeconds(1), Duration.ofSeconds(1))),
          platform);

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aModelUsingEveryTemplateRightPasses() throws Exception {
    String model = Files.readString(Path.of("src/test/resources/steps/templated-steps.bpmn"));
    assertThat(check.check(Map.of("steps.bpmn", bytes(model)))).isEmpty();
  }

  @Test
  void aFileThatIsNoXmlIsRefusedNotLeftToTheEngine() {
    assertThat(check.check(Map.of("draft.bpmn", bytes("<not a model"))))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("not a well-formed XML model"));
  }

  @Test
  void aBrokenModelIsRefusedWithEveryProblemNamed() {
    String broken =
        """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="broken" isExecutable="true">
            <bpmn:startEvent id="Start" camunda:formRef="start-form"/>
            <bpmn:serviceTask id="Task_Missing" camunda:delegateExpression="${archiveContract}"/>
            <bpmn:serviceTask id="Task_Service" camunda:expression="${contractService.delete()}"/>
            <bpmn:serviceTask id="Task_Class" camunda:class="java.lang.Runtime"/>
            <bpmn:userTask id="Task_Security" camunda:formRef="security-review" camunda:candidateGroups="security-team, legal-reviewer, unlisted"/>
            <bpmn:userTask id="Task_Known" camunda:formRef="review-contract" camunda:candidateGroups="${approverGroup}"/>
            <bpmn:serviceTask id="Task_Status" camunda:modelerTemplate="io.contractflow.SetContractStatus"
                camunda:delegateExpression="${setContractStatus}" camunda:asyncBefore="true">
              <bpmn:extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="status">ON_HOLD</camunda:inputParameter>
              </camunda:inputOutput></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:serviceTask id="Task_Mail" camunda:modelerTemplate="io.contractflow.NotifyByMail"
                camunda:delegateExpression="${notifyByMail}" camunda:asyncBefore="true">
              <bpmn:extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="recipientType">role</camunda:inputParameter>
                <camunda:inputParameter name="recipient">OWNER</camunda:inputParameter>
                <camunda:inputParameter name="mailTemplate">process-step</camunda:inputParameter>
              </camunda:inputOutput></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:serviceTask id="Task_Hook" camunda:modelerTemplate="io.contractflow.CallWebhook"
                camunda:delegateExpression="${callWebhook}">
              <bpmn:extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="url">https://evil.example.net/x</camunda:inputParameter>
                <camunda:inputParameter name="event">contract.approved</camunda:inputParameter>
              </camunda:inputOutput></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:serviceTask id="Task_Unknown" camunda:modelerTemplate="io.contractflow.Teleport"/>
          </bpmn:process>
        </bpmn:definitions>""";
    Map<String, byte[]> deployment = new LinkedHashMap<>();
    deployment.put("broken.bpmn", bytes(broken));
    deployment.put("start.form", bytes("{\"id\":\"start-form\",\"components\":[]}"));

    List<ModelCheck.Problem> problems = check.check(deployment);

    assertThat(problems).extracting(ModelCheck.Problem::resource).containsOnly("broken.bpmn");
    assertThat(problems.stream().map(ModelCheck.Problem::toString))
        .as(ModelCheck.describe(problems))
        .hasSize(11)
        .anyMatch(p -> p.contains("broken") && p.contains("historyTimeToLive"))
        .anyMatch(p -> p.contains("Task_Missing") && p.contains("archiveContract"))
        .anyMatch(p -> p.contains("Task_Service") && p.contains("contractService"))
        .anyMatch(p -> p.contains("Task_Class") && p.contains("java.lang.Runtime"))
        .anyMatch(p -> p.contains("Task_Security") && p.contains("security-review"))
        .anyMatch(p -> p.contains("Task_Security") && p.contains("security-team"))
        .anyMatch(p -> p.contains("Task_Status") && p.contains("ON_HOLD"))
        .anyMatch(p -> p.contains("Task_Mail") && p.contains("Subject") && p.contains("required"))
        .anyMatch(p -> p.contains("Task_Hook") && p.contains("camunda:asyncBefore"))
        .anyMatch(p -> p.contains("Task_Hook") && p.contains("evil.example.net"))
        .anyMatch(p -> p.contains("Task_Unknown") && p.contains("io.contractflow.Teleport"));
    assertThat(problems.stream().map(ModelCheck.Problem::toString))
        .noneMatch(p -> p.contains("legal-reviewer") || p.contains("unlisted"))
        .noneMatch(p -> p.contains("Start") && p.contains("start-form"))
        .noneMatch(p -> p.contains("Task_Known"));
  }

  @Test
  void aCallOfTheSigningModelFromItsTemplateIsCheckedLikeAStep() {
    String call =
        """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="signs" isExecutable="true" camunda:historyTimeToLive="P3650D">
            <bpmn:callActivity id="Call_Sign" camunda:modelerTemplate="io.contractflow.SignContract"
                calledElement="%s" camunda:calledElementBinding="latest">
              <bpmn:extensionElements>
                <camunda:in businessKey="#{execution.processBusinessKey}"/>
                <camunda:in variables="all"/>
                <camunda:out source="signingOutcome" target="signingOutcome"/>
              </bpmn:extensionElements>
            </bpmn:callActivity>
          </bpmn:process>
        </bpmn:definitions>""";

    assertThat(check.check(Map.of("signs.bpmn", bytes(call.formatted("contract-signing")))))
        .isEmpty();
    assertThat(check.check(Map.of("signs.bpmn", bytes(call.formatted("contract-term")))))
        .extracting(ModelCheck.Problem::toString)
        .singleElement()
        .satisfies(p -> assertThat(p).contains("Call_Sign", "contract-signing"));
    String noBusinessKey =
        call.formatted("contract-signing")
            .replace("<camunda:in businessKey=\"#{execution.processBusinessKey}\"/>", "");
    assertThat(check.check(Map.of("signs.bpmn", bytes(noBusinessKey))))
        .extracting(ModelCheck.Problem::toString)
        .singleElement()
        .satisfies(p -> assertThat(p).contains("Call_Sign", "businessKey", "missing"));
  }
}

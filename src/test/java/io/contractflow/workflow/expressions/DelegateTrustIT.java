package io.contractflow.workflow.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.contractflow.document.Corpus;
import io.contractflow.identity.Role;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import io.contractflow.workflow.ModelBeans;
import io.contractflow.workflow.ProcessModels;
import io.contractflow.workflow.deployment.ElementTemplates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * What the engine's expressions reach, and what the delegates trust: only the workflow's delegates
 * are beans in {@code ${...}} (every bean the models name among them, no service or repository),
 * and a delegate acts on the contract of its process's business key even when the {@code
 * contractId} variable was changed.
 */
class DelegateTrustIT extends IntegrationTest {

  @Autowired ProcessEngineConfiguration engineConfiguration;
  @Autowired ApplicationContext context;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  private Set<String> exposed() {
    Object beans = ((ProcessEngineConfigurationImpl) engineConfiguration).getBeans();
    assertThat(beans).isInstanceOf(DelegateBeans.class);
    return ((DelegateBeans) beans).names();
  }

  @Test
  void everyBeanTheModelsNameIsAnExposedDelegateAndNothingElseIs() {
    ProcessModels models = ProcessModels.read(Path.of("processes"));
    Map<String, Class<?>> delegates = new TreeMap<>();
    exposed().forEach(name -> delegates.put(name, ClassUtils.getUserClass(context.getType(name))));

    assertThat(models.beans()).as("delegate expressions in the models").hasSizeGreaterThan(15);
    assertThat(ModelBeans.problems(models, delegates, ElementTemplates.shipped().beans()))
        .as(
            "every bean a model names is a delegate, every delegate is named by a model, named after its task")
        .isEmpty();
    // the names in the engine's expressions (forms only show variables): any of them that is a bean
    // must be a delegate
    assertThat(exposed())
        .as("every bean an expression in a model names is a delegate")
        .containsAll(
            models.variables().entrySet().stream()
                .filter(name -> name.getValue().stream().anyMatch(file -> !file.endsWith(".form")))
                .map(Map.Entry::getKey)
                .filter(context::containsBean)
                .toList());
    assertThat(exposed())
        .as("services, repositories and engine services stay out of reach")
        .doesNotContain(
            "contractService",
            "contractTransitions",
            "contractRepository",
            "identityService",
            "runtimeService",
            "dataSource",
            "auditTrail",
            "taskFacts",
            "recordTaskCompletion");
    assertThat(exposed())
        .allMatch(
            name ->
                context.getBean(name).getClass().getName().startsWith("io.contractflow.workflow."));
  }

  @Test
  void aModelCallingAServiceBeanIsRefusedAtDeployment() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("expression-reach-refused")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("Task_CallService")
            .camundaExpression("${contractService.toString()}")
            .endEvent()
            .done();
    assertThatThrownBy(
            () ->
                repositoryService
                    .createDeployment()
                    .name("expression reach refused")
                    .addModelInstance("expression-reach-refused.bpmn", model)
                    .deploy())
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Task_CallService")
        .hasMessageContaining("contractService");
  }

  @Test
  void aModelNamingAServiceBeanFailsWhenTheExpressionIsEvaluated() {
    assertThat(context.containsBean("contractService"))
        .as("the bean exists in the application")
        .isTrue();
    // the deployment checks cannot tell a bean from a variable here; the expression manager can
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("expression-reach-test")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("Task_CallService")
            .camundaExpression("${true ? contractService : null}")
            .endEvent()
            .done();
    Deployment deployment =
        repositoryService
            .createDeployment()
            .name("expression reach test")
            .addModelInstance("expression-reach-test.bpmn", model)
            .deploy();
    try {
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("expression-reach-test"))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("contractService");
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .processDefinitionKey("expression-reach-test")
                  .count())
          .isZero();
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aDelegateActsOnTheBusinessKeysContractWhateverTheContractIdVariableSays() {
    String target = createContract("rita").get("id").asText();
    String other = createContract("ravi").get("id").asText();
    api.as("rita")
        .upload(
            "/api/contracts/" + target + "/documents",
            "c.pdf",
            Corpus.PDF,
            Corpus.sample("nda.pdf"));
    List<ProcessInstance> instances =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(target)
                        .list(),
                l -> l.size() >= 2);

    // a leak of the variable (here an administrator's write through the engine's Java API) points
    // it elsewhere
    instances.forEach(
        instance -> runtimeService.setVariable(instance.getId(), "contractId", other));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.as("rita").post("/api/contracts/" + target + "/submit", null).status() == 202);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> api.as("rita").get("/api/contracts/" + target).json().get("status").asText(),
            "IN_REVIEW"::equals);
    assertThat(api.as("ravi").get("/api/contracts/" + other).json().get("status").asText())
        .isEqualTo("DRAFT");
  }

  @Test
  void aCandidateWorksTheTaskButSetsNoVariableOtherThanItsFormsFields() {
    String contract =
        ContractsInReview.submit(api, "rita", contractBody(createCounterparty("rita")));
    String taskId = ContractsInReview.awaitTask(api, "leo", contract);

    // what the engine grants the candidates and the assignee: TASK_WORK, not UPDATE
    List<Authorization> grants =
        authorizationService
            .createAuthorizationQuery()
            .resourceType(Resources.TASK)
            .resourceId(taskId)
            .list();
    assertThat(grants)
        .isNotEmpty()
        .allSatisfy(
            grant -> {
              assertThat(grant.isPermissionGranted(Permissions.TASK_WORK))
                  .as(grant.toString())
                  .isTrue();
              assertThat(grant.isPermissionGranted(Permissions.UPDATE))
                  .as(grant.toString())
                  .isFalse();
            });
    ProcessInstance review =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(contract)
            .processDefinitionKey("contract-review")
            .singleResult();

    asUser(
        "leo",
        Role.LEGAL_REVIEWER,
        () -> {
          assertThatThrownBy(() -> taskService.setVariable(taskId, "rejected", true))
              .isInstanceOf(AuthorizationException.class);
          assertThatThrownBy(
                  () -> taskService.setVariable(taskId, "contractId", UUID.randomUUID().toString()))
              .isInstanceOf(AuthorizationException.class);
          taskService.claim(taskId, "leo");
          assertThatThrownBy(
                  () ->
                      taskService.complete(
                          taskId, Map.of("decision", "APPROVE", "comment", "", "rejected", true)))
              .isInstanceOf(AuthorizationException.class)
              .hasMessageContaining("rejected");
          assertThatThrownBy(
                  () ->
                      formService.submitTaskForm(
                          taskId, Map.of("decision", "APPROVE", "owner", "leo")))
              .isInstanceOf(AuthorizationException.class)
              .hasMessageContaining("owner");
          assertThatThrownBy(() -> taskService.handleBpmnError(taskId, "anything"))
              .isInstanceOf(AuthorizationException.class);
        });
    assertThat(runtimeService.getVariable(review.getId(), "rejected")).isEqualTo(false);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult())
        .as("still open")
        .isNotNull();

    // the form's own fields are what completing it takes
    asUser(
        "leo",
        Role.LEGAL_REVIEWER,
        () ->
            formService.submitTaskForm(
                taskId, Map.of("decision", "REQUEST_CHANGES", "comment", "clause 4 please")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> api.as("rita").get("/api/contracts/" + contract).json().get("status").asText(),
            "DRAFT"::equals);
  }

  private void asUser(String user, Role role, Runnable step) {
    identityService.setAuthentication(user, List.of(role.groupId()));
    try {
      step.run();
    } finally {
      identityService.clearAuthentication();
    }
  }
}

package io.contractflow.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contractflow.identity.Role;
import io.contractflow.support.Api;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shipped Tasklist filters as each role meets them through Camunda's REST API (what Tasklist
 * itself calls): which filters they see, what the filters list, that a user's own filter is theirs,
 * and that starting again changes nothing but what the code changed.
 */
class TasklistFiltersIT extends IntegrationTest {

  private static final List<String> WORK = List.of("My tasks", "My groups' tasks", "Overdue");

  @Autowired TasklistFilters tasklistFilters;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ManagementService managementService;

  @ParameterizedTest(name = "{0} sees exactly: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rita   | Drafts to submit, Renewal decisions",
        "ravi   | Drafts to submit, Renewal decisions",
        "leo    | Legal review",
        "fiona  | Finance approval",
        "erin   | Executive approval",
        "sam    | ",
        "audrey | Legal review, Finance approval, Executive approval, Escalated reviews"
      })
  void eachRoleSeesTheFiltersForItsWork(String user, String phaseFilters) {
    List<String> expected = new java.util.ArrayList<>(user.equals("audrey") ? List.of() : WORK);
    if (phaseFilters != null) {
      expected.addAll(List.of(phaseFilters.split(",\\s*")));
    }

    assertThat(visibleFilters(user).keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void contractAdminsSeeEveryShippedFilter() {
    assertThat(visibleFilters("admin").keySet())
        .containsAll(ShippedTasklistFilters.ALL.stream().map(TasklistFilter::name).toList());
  }

  @Test
  void theFiltersComeInTheOrderOfTheWorkAndShowTheContractsVariables() {
    JsonNode filters = api.as("leo").get("/engine-rest/filter?resourceType=Task").json();
    Map<String, Integer> priorities = new LinkedHashMap<>();
    filters.forEach(
        f -> priorities.put(f.get("name").asText(), f.get("properties").get("priority").asInt()));

    assertThat(priorities.get("My tasks")).isLessThan(priorities.get("My groups' tasks"));
    assertThat(priorities.get("My groups' tasks")).isLessThan(priorities.get("Overdue"));
    assertThat(priorities.get("Overdue")).isLessThan(priorities.get("Legal review"));
    JsonNode legal = find(filters, "Legal review");
    assertThat(legal.get("properties").get("description").asText()).isNotBlank();
    assertThat(legal.get("properties").get("refresh").asBoolean()).isTrue();
    assertThat(legal.get("properties").get("variables").findValuesAsText("name"))
        .containsExactly("reference", "contractTitle", "counterpartyName", "contractValue");
  }

  @Test
  void eachApproverFindsTheReviewInTheirQueueAndInMyTasksOnceClaimed() {
    // 12,000.50 EUR of services: legal and finance review in parallel
    String contract =
        ContractsInReview.submit(api, "rita", contractBody(createCounterparty("rita")));
    String legal = ContractsInReview.awaitTask(api, "leo", contract);
    String finance = ContractsInReview.awaitTask(api, "fiona", contract);

    Map<String, String> leos = visibleFilters("leo");
    assertThat(count("leo", leos.get("Legal review"), legal)).isEqualTo(1);
    assertThat(count("leo", leos.get("My groups' tasks"), legal)).isEqualTo(1);
    assertThat(count("leo", leos.get("My tasks"), legal)).isZero();
    assertThat(count("leo", leos.get("Overdue"), legal)).as("due in days").isZero();
    assertThat(count("leo", leos.get("Legal review"), finance)).isZero();
    assertThat(
            api.as("leo")
                .get("/engine-rest/filter/" + leos.get("Legal review") + "/count")
                .json()
                .get("count")
                .asLong())
        .isPositive();
    Map<String, String> fionas = visibleFilters("fiona");
    assertThat(count("fiona", fionas.get("Finance approval"), finance)).isEqualTo(1);
    assertThat(count("fiona", fionas.get("Finance approval"), legal)).isZero();
    assertThat(
            api.as("fiona")
                .get("/engine-rest/filter/" + leos.get("Legal review") + "/count")
                .status())
        .isEqualTo(403);
    assertThat(count("audrey", visibleFilters("audrey").get("Legal review"), legal)).isEqualTo(1);

    Api.Response claimed = api.as("leo").post("/api/tasks/" + legal + "/claim", null);
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);

    assertThat(count("leo", leos.get("My tasks"), legal)).isEqualTo(1);
    assertThat(count("leo", leos.get("My groups' tasks"), legal)).isZero();
    assertThat(count("leo", leos.get("Legal review"), legal))
        .as("the team's queue shows claimed tasks too")
        .isEqualTo(1);
  }

  @Test
  void anEscalatedReviewIsInTheAdminsQueue() {
    String contract =
        ContractsInReview.submit(api, "ravi", contractBody(createCounterparty("ravi")));
    String legal = ContractsInReview.awaitTask(api, "leo", contract);
    String escalated = visibleFilters("admin").get("Escalated reviews");
    assertThat(count("admin", escalated, legal)).isZero();

    // what the review model's escalation does to an open review task
    taskService.addCandidateGroup(legal, Role.CONTRACT_ADMIN.groupId());

    assertThat(count("admin", escalated, legal)).isEqualTo(1);
    assertThat(count("audrey", escalated, legal)).isEqualTo(1);
    assertThat(count("leo", visibleFilters("leo").get("Legal review"), legal))
        .as("still legal's too")
        .isEqualTo(1);
  }

  @Test
  void draftsToSubmitShowsTheOwnersDraftsOnly() {
    String draft = createContract("rita").get("id").asText();
    String submitDraft = ContractsInReview.awaitTask(api, "rita", draft);

    assertThat(count("rita", visibleFilters("rita").get("Drafts to submit"), submitDraft))
        .isEqualTo(1);
    assertThat(count("rita", visibleFilters("rita").get("My tasks"), submitDraft)).isEqualTo(1);
    assertThat(count("ravi", visibleFilters("ravi").get("Drafts to submit"), submitDraft)).isZero();
    assertThat(count("rita", visibleFilters("rita").get("Renewal decisions"), submitDraft))
        .isZero();
  }

  @Test
  void overdueShowsLateTasksForMeOrMyGroups() {
    Task late = candidateTask(Role.FINANCE_APPROVER, clock.instant().minus(1, ChronoUnit.DAYS));
    Task onTime = candidateTask(Role.FINANCE_APPROVER, clock.instant().plus(1, ChronoUnit.DAYS));
    try {
      String overdue = visibleFilters("fiona").get("Overdue");
      assertThat(count("fiona", overdue, late.getId())).isEqualTo(1);
      assertThat(count("fiona", overdue, onTime.getId())).isZero();
      assertThat(count("leo", visibleFilters("leo").get("Overdue"), late.getId())).isZero();

      taskService.claim(late.getId(), "fiona");
      assertThat(count("fiona", overdue, late.getId())).as("still late once claimed").isEqualTo(1);
    } finally {
      taskService.deleteTask(late.getId(), true);
      taskService.deleteTask(onTime.getId(), true);
    }
  }

  @Test
  void aFilterAUserCreatesIsTheirsToRead() {
    String userId = "tl" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    User user = identityService.newUser(userId);
    user.setPassword(userId);
    identityService.saveUser(user);
    identityService.createMembership(userId, Role.REQUESTER.groupId());
    String name = unique("Mine");
    try {
      JsonNode options = api.as(userId).send("OPTIONS", "/engine-rest/filter", null, null).json();
      assertThat(options.get("links").findValuesAsText("rel"))
          .as("Tasklist offers 'Create a filter'")
          .contains("create");

      Api.Response created =
          api.as(userId)
              .post(
                  "/engine-rest/filter/create",
                  JSON.createObjectNode()
                      .put("resourceType", "Task")
                      .put("name", name)
                      .set("query", JSON.createObjectNode()));
      assertThat(created.status()).as(created.toString()).isEqualTo(200);

      assertThat(visibleFilters(userId)).containsKey(name);
      assertThat(visibleFilters("rita")).doesNotContainKey(name);
    } finally {
      filterService
          .createFilterQuery()
          .filterName(name)
          .list()
          .forEach(f -> filterService.deleteFilter(f.getId()));
      identityService.deleteUser(userId);
    }
  }

  @Test
  void startingAgainCreatesNoSecondFilter() {
    Map<String, String> before = tasklistFilters.shippedFilterIds();

    tasklistFilters.ensureShippedFilters();
    tasklistFilters.ensureShippedFilters();

    assertThat(tasklistFilters.shippedFilterIds()).isEqualTo(before);
    assertThat(before).hasSize(ShippedTasklistFilters.ALL.size());
    for (TasklistFilter definition : ShippedTasklistFilters.ALL) {
      assertThat(filterService.createFilterQuery().filterName(definition.name()).count())
          .as(definition.name())
          .isEqualTo(1);
      String id = before.get(definition.key());
      assertThat(filterService.getFilter(id).getName()).isEqualTo(definition.name());
      assertThat(
              authorizationService
                  .createAuthorizationQuery()
                  .resourceType(Resources.FILTER)
                  .resourceId(id)
                  .count())
          .as("grants on " + definition.name())
          .isEqualTo(definition.readers().size());
    }
  }

  @Test
  void startingAgainPutsBackWhatWasChangedOutsideTheCode() {
    Map<String, String> before = tasklistFilters.shippedFilterIds();
    String legalId = before.get("legal-review");
    Filter retired = filterService.newTaskFilter(unique("Retired queue"));
    try {
      // an admin's edit in Tasklist: other criteria, another name, properties replaced; READ moved
      // from legal to finance
      Filter legal = filterService.getFilter(legalId);
      legal.setName("Legal (edited)");
      legal.setQuery(taskService.createTaskQuery());
      legal.setProperties(Map.of("priority", 99));
      filterService.saveFilter(legal);
      authorizationService
          .createAuthorizationQuery()
          .groupIdIn(Role.LEGAL_REVIEWER.groupId())
          .resourceType(Resources.FILTER)
          .resourceId(legalId)
          .list()
          .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
      grantRead(Role.FINANCE_APPROVER.groupId(), legalId);
      // and deleted another shipped filter
      filterService.deleteFilter(before.get("escalated-reviews"));
      // what an earlier version granted: every filter readable by every role
      grantRead(Role.REQUESTER.groupId(), Authorization.ANY);
      // a filter shipped before that the code no longer ships
      filterService.saveFilter(retired);
      managementService.setProperty(
          TasklistFilters.PROPERTY_PREFIX + "retired-queue", retired.getId());
      assertThat(visibleFilters("fiona")).containsKey("Legal (edited)");
      assertThat(visibleFilters("rita"))
          .containsKey("Legal (edited)")
          .containsKey(retired.getName());

      tasklistFilters.ensureShippedFilters();

      FilterEntity restored = (FilterEntity) filterService.getFilter(legalId);
      assertThat(restored.getName()).isEqualTo("Legal review");
      assertThat(restored.getQueryInternal()).contains(Role.LEGAL_REVIEWER.groupId());
      assertThat(restored.getProperties()).containsEntry("priority", -12);
      assertThat(filterService.getFilter(retired.getId())).isNull();
      assertThat(tasklistFilters.shippedFilterIds())
          .doesNotContainKey("retired-queue")
          .containsEntry("legal-review", legalId)
          .hasSize(ShippedTasklistFilters.ALL.size());
      assertThat(visibleFilters("leo")).containsEntry("Legal review", legalId);
      assertThat(visibleFilters("fiona")).doesNotContainKey("Legal review");
      assertThat(visibleFilters("audrey")).containsKey("Escalated reviews");
      assertThat(visibleFilters("rita").keySet())
          .containsExactlyInAnyOrder(
              "My tasks", "My groups' tasks", "Overdue", "Drafts to submit", "Renewal decisions");
    } finally {
      if (retired.getId() != null && filterService.getFilter(retired.getId()) != null) {
        filterService.deleteFilter(retired.getId());
      }
      managementService.deleteProperty(TasklistFilters.PROPERTY_PREFIX + "retired-queue");
      tasklistFilters.ensureShippedFilters();
    }
  }

  private void grantRead(String groupId, String resourceId) {
    Authorization existing =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(Resources.FILTER)
            .resourceId(resourceId)
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    Authorization grant =
        existing != null
            ? existing
            : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(Resources.FILTER);
    grant.setResourceId(resourceId);
    grant.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(grant);
  }

  /**
   * A task for the role's group with the given due date, which the review model does not let us
   * choose.
   */
  private Task candidateTask(Role group, Instant due) {
    Task task = taskService.newTask();
    task.setName(unique("Review contract"));
    task.setDueDate(Date.from(due));
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), group.groupId());
    return task;
  }

  /** How many tasks of the filter, narrowed to the one task, the user sees: 1 or 0. */
  private long count(String user, String filterId, String taskId) {
    assertThat(filterId).as("filter visible to " + user).isNotNull();
    Api.Response response =
        api.as(user)
            .post(
                "/engine-rest/filter/" + filterId + "/count",
                JSON.createObjectNode().put("taskId", taskId));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("count").asLong();
  }

  /** Name to id of the task filters the user may read. */
  private Map<String, String> visibleFilters(String user) {
    Api.Response response = api.as(user).get("/engine-rest/filter?resourceType=Task");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    Map<String, String> filters = new LinkedHashMap<>();
    response
        .json()
        .forEach(
            f -> {
              assertThat(filters.put(f.get("name").asText(), f.get("id").asText()))
                  .as("duplicate " + f.get("name"))
                  .isNull();
            });
    return filters;
  }

  private static JsonNode find(JsonNode filters, String name) {
    for (JsonNode filter : filters) {
      if (filter.get("name").asText().equals(name)) {
        return filter;
      }
    }
    throw new AssertionError("no filter " + name + " in " + filters);
  }
}

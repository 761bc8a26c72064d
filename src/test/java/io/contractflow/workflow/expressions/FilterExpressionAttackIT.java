package io.contractflow.workflow.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.support.Api;
import io.contractflow.support.IntegrationTest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Expressions in Tasklist filters, as an attacker with an ordinary login tries them through {@code
 * /engine-rest} (what Tasklist and the webapps' API call): for every non-admin role, an expression
 * in each criterion of a task query (found by reflection on Camunda's own {@link TaskQueryDto}, so
 * a criterion added by an upgrade is tried too), in or-queries, variable conditions and the
 * filter's properties, is refused, no filter is stored and the expression never runs. Each
 * expression would create a group through the engine's identity service if it ran, so "never ran"
 * is checked by that group not existing. An administrator's filter with {@code ${currentUser()}}
 * works; a filter with an expression that a non-admin stored before the rule is not evaluated, for
 * anyone.
 */
class FilterExpressionAttackIT extends IntegrationTest {

  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngineConfiguration engineConfiguration;
  @Autowired DataSource dataSource;

  private final String marker =
      "fx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final List<String> names = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    for (String name : names) {
      filterService
          .createFilterQuery()
          .filterName(name)
          .list()
          .forEach(f -> filterService.deleteFilter(f.getId()));
    }
    if (identityService.createGroupQuery().groupId(marker).count() > 0) {
      identityService.deleteGroup(marker);
    }
  }

  /**
   * An expression that, if the engine ever evaluated it with the application's beans, leaves a
   * group behind.
   */
  private String attack() {
    return "${identityService.saveGroup(identityService.newGroup('" + marker + "'))}";
  }

  @ParameterizedTest(name = "{0}: an expression in any criterion of a task filter is refused")
  @ValueSource(strings = {"rita", "leo", "fiona", "erin", "sam", "audrey"})
  void everyCriterionOfATaskQueryRefusesAnExpression(String user) {
    Map<String, JsonNode> attempts = attempts();
    assertThat(attempts)
        .as("criteria found on TaskQueryDto")
        .hasSizeGreaterThan(90)
        .containsKeys(
            "assignee",
            "assigneeExpression",
            "candidateGroupsExpression",
            "dueDateExpression",
            "processVariables",
            "orQueries",
            "includeAssignedTasks",
            "properties.description");
    List<String> accepted = new ArrayList<>();
    List<String> notOurRefusal = new ArrayList<>();
    attempts.forEach(
        (criterion, body) -> {
          String name = unique("Attack " + criterion);
          names.add(name);
          ((ObjectNode) body).put("resourceType", "Task").put("name", name);
          Api.Response response = api.as(user).post("/engine-rest/filter/create", body);
          if (response.status() < 400 || response.status() >= 500) {
            accepted.add(criterion + " -> " + response.status());
          } else if (response.status() != 403 && textual(criterion)) {
            notOurRefusal.add(criterion + " -> " + response);
          }
          assertThat(filterService.createFilterQuery().filterName(name).count())
              .as(criterion + " stored")
              .isZero();
        });

    assertThat(accepted).as("criteria with an expression that were accepted").isEmpty();
    assertThat(notOurRefusal)
        .as("text criteria refused for another reason than the expression")
        .isEmpty();
    assertThat(identityService.createGroupQuery().groupId(marker).count())
        .as("the expression ran")
        .isZero();
  }

  @Test
  void updatingOnesOwnFilterWithAnExpressionIsRefusedAndTheStoredQueryStays() {
    String name = unique("Mine");
    names.add(name);
    Api.Response created =
        api.as("rita")
            .post(
                "/engine-rest/filter/create",
                JSON.createObjectNode()
                    .put("resourceType", "Task")
                    .put("name", name)
                    .set("query", JSON.createObjectNode().put("assignee", "rita")));
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    String id = created.json().get("id").asText();

    ObjectNode update = JSON.createObjectNode().put("resourceType", "Task").put("name", name);
    update.putObject("query").putArray("orQueries").addObject().put("assigneeExpression", attack());
    Api.Response updated = api.as("rita").put("/engine-rest/filter/" + id, update);

    assertThat(updated.status()).as(updated.toString()).isEqualTo(403);
    assertThat(api.as("rita").get("/engine-rest/filter/" + id).json().get("query").toString())
        .contains("\"assignee\":\"rita\"")
        .doesNotContain("${");
    assertThat(api.as("rita").get("/engine-rest/filter/" + id + "/count").status()).isEqualTo(200);
    assertThat(identityService.createGroupQuery().groupId(marker).count()).isZero();
  }

  @Test
  void theWebappsApiRefusesTheSame() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(
        HttpRequest.newBuilder(URI.create(api.baseUrl() + "/camunda/app/tasklist/default/"))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
    String xsrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElse("");
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(
                        api.baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=leo&password=leo"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // a new session after login, with a new CSRF token: Tasklist's next read fetches it
    HttpResponse<String> filters =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(
                        api.baseUrl()
                            + "/camunda/api/engine/engine/default/filter?resourceType=Task"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
    String token =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .reduce((first, last) -> last)
            .orElse("");
    String plain = unique("Plain via webapp API");
    String attacking = unique("Attack via webapp API");
    names.add(plain);
    names.add(attacking);
    ObjectNode harmless = JSON.createObjectNode().put("resourceType", "Task").put("name", plain);
    harmless.putObject("query").put("assignee", "leo");
    ObjectNode attack = JSON.createObjectNode().put("resourceType", "Task").put("name", attacking);
    attack.putObject("query").put("assigneeExpression", attack());

    List<HttpResponse<String>> responses = new ArrayList<>();
    for (ObjectNode body : List.of(harmless, attack)) {
      responses.add(
          browser.send(
              HttpRequest.newBuilder(
                      URI.create(
                          api.baseUrl() + "/camunda/api/engine/engine/default/filter/create"))
                  .header("Content-Type", "application/json")
                  .header("X-XSRF-TOKEN", token)
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }

    assertThat(responses.get(0).statusCode())
        .as("the session may create a filter: " + responses.get(0).body())
        .isEqualTo(200);
    assertThat(responses.get(1).statusCode())
        .as("but not one with an expression: " + responses.get(1).body())
        .isEqualTo(403);
    assertThat(responses.get(1).body())
        .contains("Only administrators may save a filter with an expression");
    assertThat(filterService.createFilterQuery().filterName(attacking).count()).isZero();
  }

  @Test
  void anAdministratorsFilterWithCurrentUserWorks() {
    String name = unique("Admin's own");
    names.add(name);
    ObjectNode body = JSON.createObjectNode().put("resourceType", "Task").put("name", name);
    body.putObject("query")
        .put("assigneeExpression", "${currentUser()}")
        .put("dueAfterExpression", "${now()}");
    body.putObject("properties").put("description", "assigned to ${currentUser()}");

    Api.Response created = api.as("admin").post("/engine-rest/filter/create", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    String id = created.json().get("id").asText();

    Api.Response count = api.as("admin").get("/engine-rest/filter/" + id + "/count");
    assertThat(count.status()).as(count.toString()).isEqualTo(200);
    assertThat(
            api.as("admin")
                .post("/engine-rest/filter/" + id + "/list", JSON.createObjectNode())
                .status())
        .isEqualTo(200);
  }

  @Test
  void expressionsInAdHocQueriesStayDisabled() {
    assertThat(
            ((ProcessEngineConfigurationImpl) engineConfiguration)
                .isEnableExpressionsInAdhocQueries())
        .isFalse();
    Api.Response adHoc =
        api.as("rita")
            .post("/engine-rest/task", JSON.createObjectNode().put("assigneeExpression", attack()));
    assertThat(adHoc.status()).as(adHoc.toString()).isBetween(400, 499);
    String shipped =
        api.as("rita")
            .get("/engine-rest/filter?resourceType=Task&name=My%20tasks")
            .json()
            .get(0)
            .get("id")
            .asText();
    Api.Response extended =
        api.as("rita")
            .post(
                "/engine-rest/filter/" + shipped + "/count",
                JSON.createObjectNode().put("candidateGroupExpression", attack()));
    assertThat(extended.status()).as(extended.toString()).isBetween(400, 499);
    assertThat(identityService.createGroupQuery().groupId(marker).count()).isZero();
  }

  @Test
  void aFilterWithAnExpressionStoredBeforeTheRuleIsNotEvaluated() {
    String id = UUID.randomUUID().toString();
    String name = unique("Planted before");
    names.add(name);
    // a row as an earlier version stored it for a requester: straight into the engine's table
    new JdbcTemplate(dataSource)
        .update(
            "insert into act_ru_filter (id_, rev_, resource_type_, name_, owner_, query_, "
                + "properties_) values (?, 1, 'Task', ?, 'rita', ?, '{}')",
            id,
            name,
            JSON.createObjectNode().put("assigneeExpression", attack()).toString());
    Authorization grant =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("rita");
    grant.setResource(Resources.FILTER);
    grant.setResourceId(id);
    grant.addPermission(Permissions.ALL);
    authorizationService.saveAuthorization(grant);

    for (String user : List.of("rita", "admin")) {
      for (String call : List.of("/count", "/list", "/singleResult")) {
        Api.Response response = api.as(user).get("/engine-rest/filter/" + id + call);
        // refused before anything is evaluated (403; single result turns any engine refusal into a
        // 400, and is not
        // one of the engine operations a non-admin may call at all: EngineSurfaceFilter's 403)
        int expected = call.equals("/singleResult") && user.equals("admin") ? 400 : 403;
        assertThat(response.status()).as(user + " " + call + ": " + response).isEqualTo(expected);
      }
    }
    assertThat(api.as("rita").get("/engine-rest/filter/" + id).status())
        .as("still readable, to fix or delete")
        .isEqualTo(200);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> filterService.count(id))
        .isInstanceOf(AuthorizationException.class);
    assertThat(identityService.createGroupQuery().groupId(marker).count())
        .as("the expression ran")
        .isZero();

    // its owner removes the expression: an ordinary filter again
    ObjectNode fixed = JSON.createObjectNode().put("resourceType", "Task").put("name", name);
    fixed.putObject("query").put("assignee", "rita");
    assertThat(api.as("rita").put("/engine-rest/filter/" + id, fixed).status()).isEqualTo(204);
    assertThat(api.as("rita").get("/engine-rest/filter/" + id + "/count").status()).isEqualTo(200);
  }

  // --- building the attempts ---

  /**
   * Text criteria whose values Camunda's REST API checks itself (an enumeration): refused there
   * with 400.
   */
  private static final Set<String> CHECKED_BY_REST =
      Set.of("delegationState", "sortBy", "sortOrder", "sorting.sortBy");

  private static boolean textual(String criterion) {
    if (CHECKED_BY_REST.contains(criterion)) {
      return false;
    }
    Method setter = setters().get(criterion);
    if (setter == null) {
      return true; // or-queries, variables, properties: text inside
    }
    Class<?> type = setter.getParameterTypes()[0];
    return type == String.class || type == String[].class || List.class.isAssignableFrom(type);
  }

  /** Criterion name to the filter body that carries an expression there. */
  private Map<String, JsonNode> attempts() {
    Map<String, JsonNode> attempts = new TreeMap<>();
    setters()
        .forEach(
            (property, setter) -> {
              ObjectNode body = JSON.createObjectNode();
              ObjectNode query = body.putObject("query");
              Type type = setter.getGenericParameterTypes()[0];
              Class<?> raw = setter.getParameterTypes()[0];
              if (raw == String[].class
                  || (type instanceof ParameterizedType p
                      && p.getActualTypeArguments()[0] == String.class)) {
                query.putArray(property).add(attack());
              } else if (List.class.isAssignableFrom(raw)
                  && type instanceof ParameterizedType p
                  && p.getActualTypeArguments()[0] == TaskQueryDto.class) {
                query.putArray(property).addObject().put("assigneeExpression", attack());
              } else if (property.equals("sorting")) {
                query
                    .putArray(property)
                    .addObject()
                    .put("sortBy", "processVariable")
                    .put("sortOrder", "asc")
                    .putObject("parameters")
                    .put("variable", attack())
                    .put("type", "String");
                attempts.put(
                    property + ".sortBy",
                    bodyWith(
                        property,
                        JSON.createObjectNode().put("sortBy", attack()).put("sortOrder", "asc")));
              } else if (List.class.isAssignableFrom(raw)) {
                ArrayNode conditions = query.putArray(property);
                conditions
                    .addObject()
                    .put("name", "contractId")
                    .put("operator", "eq")
                    .put("value", attack());
                attempts.put(
                    property + ".name",
                    bodyWith(
                        property,
                        JSON.createObjectNode()
                            .put("name", attack())
                            .put("operator", "eq")
                            .put("value", "x")));
              } else {
                // text, dates, numbers and flags alike: the expression as the value (Date, Integer,
                // Boolean: as text)
                query.put(property, attack());
              }
              attempts.put(property, body);
            });
    ObjectNode inProperties = JSON.createObjectNode();
    inProperties.putObject("query");
    inProperties.putObject("properties").put("description", attack());
    attempts.put("properties.description", inProperties);
    ObjectNode inVariablesShown = JSON.createObjectNode();
    inVariablesShown.putObject("query");
    inVariablesShown
        .putObject("properties")
        .putArray("variables")
        .addObject()
        .put("name", "x")
        .put("label", attack());
    attempts.put("properties.variables", inVariablesShown);
    ObjectNode nestedOr = JSON.createObjectNode();
    nestedOr
        .putObject("query")
        .putArray("orQueries")
        .addObject()
        .putArray("processVariables")
        .addObject()
        .put("name", "contractId")
        .put("operator", "eq")
        .put("value", "#{" + attack().substring(2));
    attempts.put("orQueries.processVariables", nestedOr);
    return attempts;
  }

  private static JsonNode bodyWith(String property, ObjectNode condition) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("query").putArray(property).add(condition);
    return body;
  }

  /** Property name to setter of every criterion Camunda's REST API accepts in a task query. */
  private static Map<String, Method> setters() {
    Map<String, Method> setters = new TreeMap<>();
    for (Method method : TaskQueryDto.class.getMethods()) {
      if (method.getName().startsWith("set")
          && method.getParameterCount() == 1
          && !Modifier.isStatic(method.getModifiers())
          && method.getDeclaringClass() != Object.class
          && !method.getName().equals("setObjectMapper")) {
        String name = method.getName().substring(3);
        setters.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), method);
      }
    }
    return setters;
  }
}

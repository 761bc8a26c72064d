package io.contractflow.workflow.enginerest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contractflow.document.Corpus;
import io.contractflow.identity.Role;
import io.contractflow.support.Api;
import io.contractflow.support.ContractsInReview;
import io.contractflow.support.IntegrationTest;
import io.contractflow.support.WebappSession;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The engine's REST surfaces attacked by every non-admin role: every JAX-RS operation of Camunda's
 * REST API, found here by reflection, is called on {@code /engine-rest} and on the webapps' {@code
 * /camunda/api/engine/engine/default} (with a Tasklist session) by each role. Operations off the
 * allow-list must answer 403; allowed ones, aimed at another requester's task, process and filter,
 * must not give the role more than the contract API would. A new operation in Camunda's API fails
 * the test until it is decided in {@code engine-surface/operations.txt}. Explicit attacks follow:
 * variable writes, signals and messages, completing with variables the form does not declare, four
 * eyes, leaking engine messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineSurfaceAttackIT extends IntegrationTest {

  private static final List<String> ROLES =
      List.of("rita", "leo", "fiona", "erin", "sam", "audrey");
  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  private static final String FORBIDDEN = "urn:contractflow:problem:forbidden";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;

  /**
   * Ravi's draft: the task, process and filter that are another requester's, for every role in the
   * sweep.
   */
  private Foreign foreign;

  private record Foreign(String task, String processInstance, String filter, String definition) {}

  @BeforeEach
  void ravisObjects() {
    if (foreign != null) {
      return;
    }
    String contract = draftWithDocument("ravi");
    String task =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    StreamSupport.stream(
                            api.as("ravi")
                                .get("/api/contracts/" + contract + "/process")
                                .json()
                                .get("openTasks")
                                .spliterator(),
                            false)
                        .map(t -> t.get("id").asText())
                        .findFirst()
                        .orElse(null),
                id -> id != null);
    JsonNode engineTask = api.as("admin").get("/engine-rest/task/" + task).json();
    Api.Response filter =
        api.as("ravi")
            .post(
                "/engine-rest/filter/create",
                JSON.createObjectNode()
                    .put("resourceType", "Task")
                    .put("name", unique("Ravi's own"))
                    .set("query", JSON.createObjectNode()));
    assertThat(filter.status()).as(filter.toString()).isEqualTo(200);
    foreign =
        new Foreign(
            task,
            engineTask.get("processInstanceId").asText(),
            filter.json().get("id").asText(),
            engineTask.get("processDefinitionId").asText());
  }

  /** Ravi's own filter goes again: other tests count the filters each user sees. */
  @AfterAll
  void removeRavisFilter() {
    if (foreign != null) {
      filterService.deleteFilter(foreign.filter());
    }
  }

  // --- the sweep
  // -------------------------------------------------------------------------------------------------

  @Test
  void theInventoryHoldsEveryOperationOfTheApiAndAgreesWithTheAllowList() throws IOException {
    Map<String, String> inventory = inventory();
    Map<String, String> enumerated = enumerate();

    assertThat(enumerated.keySet())
        .as("operations of Camunda's API not decided in engine-surface/operations.txt")
        .isSubsetOf(inventory.keySet());
    assertThat(inventory.keySet())
        .as("operations in engine-surface/operations.txt that the API no longer has")
        .isSubsetOf(enumerated.keySet());
    Map<String, String> disagreeing = new TreeMap<>();
    enumerated.forEach(
        (key, javaMethod) -> {
          String verdict = verdict(key, javaMethod);
          if (!verdict.equals(inventory.get(key))) {
            disagreeing.put(
                key, "list says " + inventory.get(key) + ", allow-list does " + verdict);
          }
        });
    assertThat(disagreeing).isEmpty();
    Set<String> allowList = new java.util.HashSet<>(EngineSurfaceAllowList.TASKLIST_READS);
    allowList.addAll(EngineSurfaceAllowList.TASK_WORK);
    allowList.addAll(EngineSurfaceAllowList.OWN_FILTERS);
    assertThat(enumerated.keySet())
        .as("every entry of the allow-list is an operation")
        .containsAll(allowList);
  }

  @Test
  void everyOperationIsRefusedOrHeldToTheContractRulesForEveryRoleOnBothSurfaces() {
    Map<String, String> operations = enumerate();
    List<String> failures = new ArrayList<>();
    for (String role : ROLES) {
      WebappSession session = WebappSession.signedIn(port, role);
      for (Map.Entry<String, String> operation : operations.entrySet()) {
        String method = operation.getKey().substring(0, operation.getKey().indexOf(' '));
        String template = operation.getKey().substring(method.length() + 1);
        String path = fill(template);
        String body = List.of("POST", "PUT", "PATCH", "DELETE").contains(method) ? "{}" : null;
        boolean allowed = allowed(role, operation.getKey(), operation.getValue());
        Api.Response viaRest =
            api.as(role)
                .send(
                    method, "/engine-rest" + path, body, body == null ? null : "application/json");
        Api.Response viaWebapp = session.send(method, WEBAPP_ENGINE + path, body);
        for (Api.Response response : List.of(viaRest, viaWebapp)) {
          String problem =
              allowed ? withinTheRules(role, template, method, response) : refused(response);
          if (problem != null) {
            failures.add(
                role
                    + " "
                    + method
                    + " "
                    + path
                    + (response == viaRest ? " (engine-rest)" : " (webapp)")
                    + ": "
                    + problem);
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private static String refused(Api.Response response) {
    if (response.status() != 403
        || !response.contentType().startsWith("application/problem+json")
        || !response.body().contains(FORBIDDEN)) {
      return "expected a 403 problem, got " + abbreviate(response);
    }
    return null;
  }

  /** An allowed operation on ravi's objects: what the contract API would give the role, no more. */
  private String withinTheRules(
      String role, String template, String method, Api.Response response) {
    boolean auditor = role.equals("audrey");
    if (response.status() >= 500) {
      // a few of Camunda's reads fail on ids that do not exist (deployment resource data, external
      // task error
      // details, DRD statistics), for admins too: for an auditor they must at least say nothing
      boolean sanitized =
          response.body().contains("urn:contractflow:problem:engine-refused")
              && response.body().contains("\"detail\":\"The engine refused the request\"");
      return auditor && sanitized ? null : "server error " + abbreviate(response);
    }
    if (template.startsWith("/task/{id}") && !auditor) {
      return response.status() == 404
              && response.body().contains("urn:contractflow:problem:not-found")
          ? null
          : "another requester's task must not exist for them, got " + abbreviate(response);
    }
    if (template.startsWith("/filter/{id}") && method.equals("OPTIONS")) {
      // what the caller may do with ravi's filter: nothing but reading its description
      return response.body().contains("\"update\"") || response.body().contains("\"delete\"")
          ? "offers to change ravi's own filter: " + abbreviate(response)
          : null;
    }
    if (template.startsWith("/filter/{id}") && response.status() < 400) {
      return "ravi's own filter is his, got " + abbreviate(response);
    }
    if (!auditor
        && response.status() < 300
        && (response.body().contains(foreign.task())
            || response.body().contains(foreign.processInstance()))) {
      return "lists ravi's task or process: " + abbreviate(response);
    }
    if (template.equals("/filter") && response.body().contains(foreign.filter())) {
      return "lists ravi's own filter";
    }
    if (!method.equals("GET") && template.startsWith("/task/{id}") && response.status() < 300) {
      return "changed ravi's task: " + abbreviate(response);
    }
    return null;
  }

  private static boolean allowed(String role, String key, String javaMethod) {
    String verdict = verdict(key, javaMethod);
    boolean auditor = role.equals("audrey");
    return switch (verdict) {
      case "tasklist-read", "own-filter" -> true;
      case "task-work" -> !auditor;
      case "auditor-read" -> auditor;
      default -> false;
    };
  }

  private static String verdict(String key, String javaMethod) {
    if (EngineSurfaceAllowList.TASKLIST_READS.contains(key)) {
      return "tasklist-read";
    }
    if (EngineSurfaceAllowList.TASK_WORK.contains(key)) {
      return "task-work";
    }
    if (EngineSurfaceAllowList.OWN_FILTERS.contains(key)) {
      return "own-filter";
    }
    String method = key.substring(0, key.indexOf(' '));
    return EngineSurfaceAllowList.cockpitRead(
            new EngineOperation(method, key.substring(method.length() + 1), javaMethod))
        ? "auditor-read"
        : "refused";
  }

  private static final Pattern VARIABLE =
      Pattern.compile("\\{\\s*([\\w.-]+)\\s*(:[^}]*(\\{[^}]*}[^}]*)*)?}");

  /** The template with ravi's ids where the resource takes one, placeholders elsewhere. */
  private String fill(String template) {
    String resource = template.split("/")[1];
    String id =
        switch (resource) {
          case "task" -> foreign.task();
          case "process-instance", "execution" -> foreign.processInstance();
          case "filter" -> foreign.filter();
          case "process-definition" -> foreign.definition();
          case "user" -> "ravi";
          case "group" -> Role.REQUESTER.groupId();
          default -> "x" + UUID.randomUUID().toString().substring(0, 8);
        };
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1)) {
            case "id" -> id;
            case "varId", "varName" -> "contractId";
            default -> "x";
          };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String abbreviate(Api.Response response) {
    String body = response.body() == null ? "" : response.body();
    return response.status() + " " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
  }

  private static Map<String, String> inventory() throws IOException {
    Map<String, String> verdicts = new TreeMap<>();
    String text =
        new ClassPathResource("engine-surface/operations.txt")
            .getContentAsString(StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.strip().split("\\s+", 2);
      verdicts.put(parts[1].strip(), parts[0]);
    }
    return verdicts;
  }

  // --- Camunda's REST API, read from its JAX-RS annotations (independently of the main code's
  // catalog) -----------

  private static final Map<Class<? extends Annotation>, String> HTTP =
      Map.of(
          GET.class,
          "GET",
          POST.class,
          "POST",
          PUT.class,
          "PUT",
          DELETE.class,
          "DELETE",
          OPTIONS.class,
          "OPTIONS",
          HEAD.class,
          "HEAD",
          PATCH.class,
          "PATCH");

  /** Every operation as "METHOD /template", with the Java method serving it. */
  static Map<String, String> enumerate() {
    Map<String, String> operations = new TreeMap<>();
    for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
      String root = typePath(resource);
      if (root == null) {
        continue;
      }
      boolean named = NamedProcessEngineRestServiceImpl.class.isAssignableFrom(resource);
      collect(resource, root, named, operations, 0);
    }
    return operations;
  }

  private static void collect(
      Class<?> type, String prefix, boolean onlyOwn, Map<String, String> out, int depth) {
    if (depth > 8) {
      return;
    }
    Map<String, Method> methods = new LinkedHashMap<>();
    List<Class<?>> types = new ArrayList<>();
    types.add(type);
    for (int i = 0; i < types.size(); i++) {
      Class<?> t = types.get(i);
      if (t.getSuperclass() != null && t.getSuperclass() != Object.class) {
        types.add(t.getSuperclass());
      }
      types.addAll(List.of(t.getInterfaces()));
    }
    for (Class<?> t : types) {
      for (Method m : t.getMethods()) {
        if (m.isAnnotationPresent(Path.class) || http(m) != null) {
          methods.putIfAbsent(m.getName() + List.of(m.getParameterTypes()), m);
        }
      }
    }
    for (Method m : methods.values()) {
      String path =
          normalise(
              prefix
                  + "/"
                  + (m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : ""));
      String http = http(m);
      if (http != null) {
        out.putIfAbsent(http + " " + path, m.getName());
      } else if (!onlyOwn) {
        collect(m.getReturnType(), path, false, out, depth + 1);
      }
    }
  }

  private static String http(Method m) {
    return HTTP.entrySet().stream()
        .filter(e -> m.isAnnotationPresent(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private static String typePath(Class<?> type) {
    if (type.isAnnotationPresent(Path.class)) {
      return type.getAnnotation(Path.class).value();
    }
    for (Class<?> i : type.getInterfaces()) {
      String found = typePath(i);
      if (found != null) {
        return found;
      }
    }
    return type.getSuperclass() == null ? null : typePath(type.getSuperclass());
  }

  private static String normalise(String path) {
    String p = ("/" + path).replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  // --- explicit attacks
  // ------------------------------------------------------------------------------------------

  @Test
  void variablesCannotBeWrittenOnTasksProcessesOrExecutions() {
    String contract = inReview();
    String task = ContractsInReview.awaitTask(api, "leo", contract);
    String process =
        api.as("admin").get("/engine-rest/task/" + task).json().get("processInstanceId").asText();
    String value =
        JSON.createObjectNode()
            .put("value", UUID.randomUUID().toString())
            .put("type", "String")
            .toString();
    String modification = "{\"modifications\":{\"contractId\":" + value + "}}";
    Map<String, String> writes = new LinkedHashMap<>();
    writes.put("PUT /task/" + task + "/variables/contractId", value);
    writes.put("POST /task/" + task + "/variables", modification);
    writes.put("PUT /task/" + task + "/localVariables/contractId", value);
    writes.put("POST /task/" + task + "/localVariables", modification);
    writes.put("DELETE /task/" + task + "/variables/contractId", null);
    writes.put("PUT /process-instance/" + process + "/variables/contractId", value);
    writes.put("POST /process-instance/" + process + "/variables", modification);
    writes.put("DELETE /process-instance/" + process + "/variables/contractId", null);
    writes.put("PUT /execution/" + process + "/localVariables/contractId", value);
    writes.put("POST /execution/" + process + "/localVariables", modification);
    writes.put(
        "POST /process-instance/variables-async",
        "{\"processInstanceIds\":[\""
            + process
            + "\"],\"variables\":{\"contractId\":"
            + value
            + "}}");

    for (String user : List.of("leo", "rita")) {
      WebappSession session = WebappSession.signedIn(port, user);
      writes.forEach(
          (write, body) -> {
            String method = write.substring(0, write.indexOf(' '));
            String path = write.substring(method.length() + 1);
            assertThat(
                    refused(
                        api.as(user).send(method, "/engine-rest" + path, body, "application/json")))
                .as(user + " " + write)
                .isNull();
            assertThat(refused(session.send(method, WEBAPP_ENGINE + path, body)))
                .as(user + " " + write + " (webapp)")
                .isNull();
          });
    }
    assertThat(contractIdOf(process)).isEqualTo(contract);
    assertThat(
            api.as("admin")
                .get("/engine-rest/task/" + task + "/variables/contractId")
                .json()
                .get("value")
                .asText())
        .isEqualTo(contract);
  }

  @Test
  void signalsAndMessagesCannotBeSentByAnyRole() {
    List<String[]> sends =
        List.of(
            new String[] {"/signal", "{\"name\":\"anything\"}"},
            new String[] {"/message", "{\"messageName\":\"ContractSigned\",\"all\":true}"},
            new String[] {
              "/process-instance/message-async", "{\"messageName\":\"ContractSigned\"}"
            },
            new String[] {"/execution/" + foreign.processInstance() + "/signal", "{}"},
            new String[] {
              "/execution/" + foreign.processInstance() + "/messageSubscriptions/x/trigger", "{}"
            });
    for (String role : ROLES) {
      WebappSession session = WebappSession.signedIn(port, role);
      for (String[] send : sends) {
        assertThat(refused(api.as(role).post("/engine-rest" + send[0], send[1])))
            .as(role + " " + send[0])
            .isNull();
        assertThat(refused(session.send("POST", WEBAPP_ENGINE + send[0], send[1])))
            .as(role + " webapp " + send[0])
            .isNull();
      }
    }
  }

  @Test
  void completingTakesOnlyTheFormsFieldsOnBothSurfaces() {
    String contract = inReview();
    String task = ContractsInReview.awaitTask(api, "leo", contract);
    String process =
        api.as("admin").get("/engine-rest/task/" + task).json().get("processInstanceId").asText();

    assertThat(
            refused(
                api.as("leo")
                    .post("/engine-rest/task/" + task + "/claim", "{\"userId\":\"fiona\"}")))
        .as("claiming for someone else")
        .isNull();
    Api.Response claimed =
        api.as("leo").post("/engine-rest/task/" + task + "/claim", "{\"userId\":\"leo\"}");
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);

    for (String foreignVariable :
        List.of("contractId", "owner", "approverGroup", "reviewOutcome")) {
      String body =
          "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\""
              + foreignVariable
              + "\":{\"value\":\""
              + UUID.randomUUID()
              + "\"}}}";
      for (String action : List.of("complete", "submit-form")) {
        Api.Response refused = api.as("leo").post("/engine-rest/task/" + task + "/" + action, body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains(foreignVariable);
      }
    }
    Api.Response objectTyped =
        api.as("leo")
            .post(
                "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
                    + "\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}}}}");
    assertThat(objectTyped.status()).as(objectTyped.toString()).isEqualTo(400);
    assertThat(api.as("admin").get("/engine-rest/task/" + task).json().get("assignee").asText())
        .as("the task is untouched")
        .isEqualTo("leo");
    assertThat(contractIdOf(process)).isEqualTo(contract);

    Api.Response completed =
        api.as("leo")
            .post(
                "/engine-rest/task/" + task + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"},"
                    + "\"comment\":{\"value\":\"Fine through the engine API\",\"type\":\"String\"}}}");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
    await()
        .atMost(PATIENCE)
        .until(
            () -> ContractsInReview.process(api, "rita", contract).get("status").asText(),
            "SIGNING"::equals);

    // the same through a Tasklist session
    String second = inReview();
    String secondTask = ContractsInReview.awaitTask(api, "leo", second);
    WebappSession tasklist = WebappSession.signedIn(port, "leo");
    String taskPath = WEBAPP_ENGINE + "/task/" + secondTask;
    assertThat(tasklist.send("POST", taskPath + "/claim", "{\"userId\":\"leo\"}").status())
        .isEqualTo(204);
    Api.Response foreignVariable =
        tasklist.send(
            "POST",
            taskPath + "/submit-form",
            "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"contractId\":{\"value\":\"x\"}}}");
    assertThat(foreignVariable.status()).as(foreignVariable.toString()).isEqualTo(400);
    assertThat(foreignVariable.contentType()).startsWith("application/problem+json");
    Api.Response viaTasklist =
        tasklist.send(
            "POST",
            taskPath + "/submit-form",
            "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"},\"comment\":{\"value\":\"ok\"}}}");
    assertThat(viaTasklist.status()).as(viaTasklist.toString()).isEqualTo(204);
    await()
        .atMost(PATIENCE)
        .until(
            () -> ContractsInReview.process(api, "rita", second).get("status").asText(),
            "SIGNING"::equals);
  }

  @Test
  void theEnginePathRefusesWhatTheApiRefusesOnYourOwnContractsReview() {
    String user = "fe" + UUID.randomUUID().toString().substring(0, 8);
    User created = identityService.newUser(user);
    created.setPassword(user);
    created.setFirstName("Four");
    created.setLastName("Eyes");
    identityService.saveUser(created);
    identityService.createMembership(user, Role.REQUESTER.groupId());
    identityService.createMembership(user, Role.LEGAL_REVIEWER.groupId());
    try {
      ObjectNode body = contractBody(createCounterparty(user));
      body.putObject("value").put("amount", 5000).put("currency", "EUR");
      String contract = ContractsInReview.submit(api, user, body);
      String task = ContractsInReview.awaitTask(api, user, contract);

      Api.Response viaApiClaim = api.as(user).post("/api/tasks/" + task + "/claim", "{}");
      Api.Response viaApiComplete =
          api.as(user).post("/api/tasks/" + task + "/complete", "{\"decision\":\"APPROVE\"}");
      assertThat(viaApiClaim.status()).isEqualTo(403);
      assertThat(viaApiComplete.status()).isEqualTo(403);
      WebappSession tasklist = WebappSession.signedIn(port, user);
      String approve = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}";
      assertThat(
              api.as(user)
                  .post("/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}")
                  .status())
          .isEqualTo(viaApiClaim.status());
      assertThat(
              tasklist
                  .send(
                      "POST",
                      WEBAPP_ENGINE + "/task/" + task + "/claim",
                      "{\"userId\":\"" + user + "\"}")
                  .status())
          .isEqualTo(viaApiClaim.status());
      for (String action : List.of("complete", "submit-form")) {
        Api.Response viaEngine =
            api.as(user).post("/engine-rest/task/" + task + "/" + action, approve);
        assertThat(viaEngine.status()).as(viaEngine.toString()).isEqualTo(viaApiComplete.status());
        assertThat(viaEngine.body()).contains("Four eyes");
        assertThat(
                tasklist
                    .send("POST", WEBAPP_ENGINE + "/task/" + task + "/" + action, approve)
                    .status())
            .isEqualTo(viaApiComplete.status());
      }
      JsonNode untouched = api.as("admin").get("/engine-rest/task/" + task).json();
      assertThat(untouched.get("assignee").isNull()).as(untouched.toString()).isTrue();
    } finally {
      identityService.deleteUser(user);
    }
  }

  @Test
  void aRequesterCannotReadAnotherRequestersTaskThroughTheEngine() {
    for (String path :
        List.of(
            "/task/" + foreign.task(),
            "/task/" + foreign.task() + "/form-variables",
            "/task/" + foreign.task() + "/comment",
            "/task/" + foreign.task() + "/identity-links")) {
      Api.Response response = api.as("rita").get("/engine-rest" + path);
      assertThat(response.status()).as(path + ": " + response).isEqualTo(404);
      if (!path.endsWith(
          "/comment")) { // comments are read from the history, which the engine shows admins only
        assertThat(api.as("ravi").get("/engine-rest" + path).status())
            .as("ravi's own " + path)
            .isEqualTo(200);
      }
    }
    assertThat(api.as("rita").get("/engine-rest/task?maxResults=1000").body())
        .doesNotContain(foreign.task());
    assertThat(api.as("ravi").get("/engine-rest/task?maxResults=1000").body())
        .contains(foreign.task());
  }

  @Test
  void engineMessagesReachAdminsOnly() {
    String unknown = "attack-" + UUID.randomUUID();
    Api.Response asAuditor = api.as("audrey").get("/engine-rest/process-instance/" + unknown);
    assertThat(asAuditor.status()).isEqualTo(404);
    assertThat(asAuditor.contentType()).startsWith("application/problem+json");
    assertThat(asAuditor.body()).doesNotContain(unknown);
    Api.Response filterOfRavi =
        api.as("rita").post("/engine-rest/filter/" + foreign.filter() + "/list", "{}");
    assertThat(filterOfRavi.status()).isBetween(400, 499);
    assertThat(filterOfRavi.body()).doesNotContain(foreign.filter()).doesNotContain("rita");

    assertThat(api.as("admin").get("/engine-rest/process-instance/" + unknown).body())
        .contains(unknown);
  }

  @Test
  void adminsAndAnonymousCallersAreAsBefore() throws Exception {
    assertThat(api.anonymous().get("/engine-rest/task").status()).isEqualTo(401);
    java.net.http.HttpResponse<String> anonymousWebapp =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.baseUrl() + WEBAPP_ENGINE + "/task"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(anonymousWebapp.statusCode()).isEqualTo(401);

    Api.Response probe =
        api.as("admin")
            .put(
                "/engine-rest/process-instance/"
                    + foreign.processInstance()
                    + "/variables/attackSuiteProbe",
                "{\"value\":\"admin was here\",\"type\":\"String\"}");
    assertThat(probe.status()).as(probe.toString()).isEqualTo(204);
    assertThat(
            api.as("admin")
                .post("/engine-rest/signal", "{\"name\":\"attack-suite-nobody-listens\"}")
                .status())
        .isEqualTo(204);
  }

  @Test
  void theWebappsOwnApiIsClosedBeyondSigningInAndCockpitForAuditors() {
    WebappSession leo = WebappSession.signedIn(port, "leo");
    WebappSession audrey = WebappSession.signedIn(port, "audrey");
    String cockpitQuery = "/camunda/api/cockpit/plugin/base/default/process-instance/count";
    assertThat(refused(leo.send("POST", cockpitQuery, "{}"))).isNull();
    assertThat(audrey.send("POST", cockpitQuery, "{}").status()).isEqualTo(200);
    assertThat(refused(leo.get("/camunda/api/admin/plugin/adminPlugins/default/metrics/sum")))
        .isNull();
    assertThat(refused(audrey.send("POST", "/camunda/api/admin/setup/default/user/create", "{}")))
        .isNull();
    assertThat(leo.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(200);
  }

  // --- helpers
  // -----------------------------------------------------------------------------------------------------

  private String inReview() {
    ObjectNode body = contractBody(createCounterparty("rita"));
    body.putObject("value").put("amount", 5000).put("currency", "EUR"); // legal review only
    return ContractsInReview.submit(api, "rita", body);
  }

  private String draftWithDocument(String owner) {
    String contract = createContract(owner).get("id").asText();
    Api.Response upload =
        api.as(owner)
            .upload(
                "/api/contracts/" + contract + "/documents",
                "c.pdf",
                Corpus.PDF,
                Corpus.sample("nda.pdf"));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    return contract;
  }

  private String contractIdOf(String process) {
    return api.as("admin")
        .get("/engine-rest/process-instance/" + process + "/variables/contractId")
        .json()
        .get("value")
        .asText();
  }
}

package io.contractflow.workflow.enginerest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.identity.CurrentUser;
import io.contractflow.platform.error.DomainException;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.web.ApiException;
import io.contractflow.platform.web.Problems;
import io.contractflow.platform.web.RereadableRequest;
import io.contractflow.workflow.TaskRefusedException;
import io.contractflow.workflow.api.LifecycleTasks;
import io.contractflow.workflow.expressions.ExpressionRefusedException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The wall in front of Camunda's REST API ({@code /engine-rest}) and the webapps' API ({@code
 * /camunda/api}) for signed-in users who are not admins:
 *
 * <ol>
 *   <li>only the operations of {@link EngineSurfaceAllowList} (and {@link WebappApiAllowList})
 *       pass; anything else is a 403 problem before the engine sees it;
 *   <li>an operation on a task passes only if the contract API would allow it ({@link
 *       LifecycleTasks}: the task is theirs or offered to them, four eyes, claiming for oneself
 *       only), and completing one sets only the variables its Camunda Form declares ({@link
 *       TaskFormFields});
 *   <li>the engine's error messages (which name other people's ids) become a problem with the
 *       status only.
 * </ol>
 *
 * Admins and unauthenticated requests pass untouched (the latter are refused as before, by Spring
 * Security or the webapps).
 */
class EngineSurfaceFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(EngineSurfaceFilter.class);
  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_API = "/camunda/api";
  private static final String WEBAPP_ENGINE = WEBAPP_API + "/engine";
  private static final Pattern NAMED_ENGINE = Pattern.compile("/engine/[^/]+(/.*)");
  private static final int MAX_BODY = 256 * 1024;

  /** Value types a form sends; no object types (they would be deserialized) nor files. */
  private static final Set<String> PLAIN_TYPES =
      Set.of("string", "boolean", "integer", "long", "short", "double", "date", "null");

  /**
   * The listeners' business refusals (four eyes, a missing document): written for the user, kept.
   */
  /**
   * Our task listeners' refusals (the engine's error {@code type}), written for the user: their
   * message is kept.
   */
  private static final String TASK_REFUSED = TaskRefusedException.class.getSimpleName();

  private final EngineCallers callers;
  private final IdentityService identity;
  private final LifecycleTasks tasks;
  private final TaskFormFields formFields;
  private final ObjectMapper json;
  private final EngineRestCatalog catalog = EngineRestCatalog.camunda();

  EngineSurfaceFilter(
      EngineCallers callers,
      IdentityService identity,
      LifecycleTasks tasks,
      TaskFormFields formFields,
      ObjectMapper json) {
    this.callers = callers;
    this.identity = identity;
    this.tasks = tasks;
    this.formFields = formFields;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request);
    boolean engineRest = path.equals(ENGINE_REST) || path.startsWith(ENGINE_REST + "/");
    Optional<CurrentUser> caller = engineRest ? callers.engineRest() : callers.webapp(request);
    if (caller.isEmpty() || callers.isAdmin(caller.get())) {
      chain.doFilter(request, response);
      return;
    }
    CurrentUser user = caller.get();
    HttpServletRequest checked;
    try {
      checked = check(user, request, path, engineRest);
    } catch (ApiException refused) {
      refuse(response, request, path, user, refused);
      return;
    } catch (DomainException refused) {
      refuse(response, request, path, user, ApiException.from(refused));
      return;
    }
    log.debug("Passing {} {} for {}", request.getMethod(), path, user.username());
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(checked, captured);
    } finally {
      if (captured.getStatus() >= 400 && !response.isCommitted()) {
        sanitize(captured, response);
      } else {
        captured.copyBodyToResponse();
      }
    }
  }

  private void refuse(
      HttpServletResponse response,
      HttpServletRequest request,
      String path,
      CurrentUser user,
      ApiException refused)
      throws IOException {
    log.debug(
        "Refused {} {} for {}: {}",
        request.getMethod(),
        path,
        user.username(),
        refused.getMessage());
    write(response, refused.status(), refused.problem(), refused.getMessage(), refused.errors());
  }

  /** The request as it may go on (its body re-readable), or the refusal. */
  private HttpServletRequest check(
      CurrentUser user, HttpServletRequest request, String path, boolean engineRest)
      throws IOException {
    String method = request.getMethod();
    String enginePath = enginePath(path, engineRest);
    if (enginePath == null) {
      if (WebappApiAllowList.allows(user, method, path.substring(WEBAPP_API.length()))) {
        return request;
      }
      throw notAllowed();
    }
    EngineOperation operation =
        catalog.resolve(method, enginePath).orElseThrow(EngineSurfaceFilter::notAllowed);
    if (!EngineSurfaceAllowList.allows(user, operation)) {
      throw notAllowed();
    }
    if (!operation.template().startsWith("/task/{id}")) {
      return request;
    }
    Matcher ids = operation.pattern().matcher(enginePath);
    ids.matches();
    String taskId = ids.group(1);
    return switch (operation.key()) {
      case "POST /task/{id}/claim" -> {
        CachedBody body = CachedBody.of(request);
        asSystem(() -> tasks.mayClaim(user, taskId));
        forSelf(user, body.json(json).path("userId"));
        yield body.request();
      }
      case "POST /task/{id}/assignee" -> {
        CachedBody body = CachedBody.of(request);
        JsonNode assignee = body.json(json).path("userId");
        if (assignee.isMissingNode() || assignee.isNull()) {
          asSystem(() -> tasks.mayUnclaim(user, taskId));
        } else {
          asSystem(() -> tasks.mayClaim(user, taskId));
          forSelf(user, assignee);
        }
        yield body.request();
      }
      case "POST /task/{id}/unclaim" -> {
        asSystem(() -> tasks.mayUnclaim(user, taskId));
        yield request;
      }
      case "POST /task/{id}/complete", "POST /task/{id}/submit-form" -> {
        CachedBody body = CachedBody.of(request);
        Task task = asSystem(() -> tasks.mayComplete(user, taskId));
        onlyFormVariables(task, body.json(json).path("variables"));
        yield body.request();
      }
      default -> {
        asSystem(() -> tasks.visibleTask(user, taskId));
        yield request;
      }
    };
  }

  private void onlyFormVariables(Task task, JsonNode variables) {
    if (variables.isMissingNode() || variables.isNull()) {
      return;
    }
    if (!variables.isObject()) {
      throw ApiException.invalid("variables", "must be an object of the form's fields");
    }
    Set<String> declared = asSystem(() -> formFields.of(task));
    Set<String> foreign = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      if (!declared.contains(variable.getKey())) {
        foreign.add(variable.getKey());
        continue;
      }
      JsonNode type = variable.getValue().path("type");
      if (!type.isMissingNode()
          && !type.isNull()
          && !PLAIN_TYPES.contains(type.asText().toLowerCase())) {
        throw ApiException.invalid(
            "variables." + variable.getKey(), "must be a plain value, not " + type.asText());
      }
    }
    if (!foreign.isEmpty()) {
      throw ApiException.invalid(
          "variables", "only the task form's fields " + declared + " may be set; not " + foreign);
    }
  }

  private static void forSelf(CurrentUser user, JsonNode userId) {
    if (!userId.isTextual() || !userId.asText().equals(user.username())) {
      throw ApiException.forbidden("You can take a task only for yourself");
    }
  }

  /** Our own rules read the engine as themselves, not with the caller's engine authorizations. */
  private <T> T asSystem(Supplier<T> rule) {
    Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return rule.get();
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
  }

  /**
   * The engine's path of a request to either surface, or null for the webapps' own (non-engine)
   * API.
   */
  static String enginePath(String path, boolean engineRest) {
    String rest;
    if (engineRest) {
      rest = path.substring(ENGINE_REST.length());
    } else if (path.equals(WEBAPP_ENGINE) || path.startsWith(WEBAPP_ENGINE + "/")) {
      rest = path.substring(WEBAPP_ENGINE.length());
    } else {
      return null;
    }
    Matcher named = NAMED_ENGINE.matcher(rest);
    String below = named.matches() ? named.group(1) : rest;
    return below.isEmpty() ? "/" : below;
  }

  /**
   * The decoded, normalised path below the context, without path parameters (as Tomcat gives it).
   */
  static String path(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    path = path.replaceAll("/{2,}", "/");
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  private static ApiException notAllowed() {
    return ApiException.forbidden("Your roles do not allow this operation of the engine");
  }

  /**
   * An engine error for a non-admin: its status, and no message but our own refusals written for
   * the user.
   */
  private void sanitize(ContentCachingResponseWrapper captured, HttpServletResponse response)
      throws IOException {
    int status = captured.getStatus();
    String detail = "The engine refused the request";
    try {
      JsonNode error = json.readTree(captured.getContentAsByteArray());
      if (error != null
          && error.path("message").isTextual()
          && (TASK_REFUSED.equals(error.path("type").asText())
              || ExpressionRefusedException.isRefusal(error.path("message").asText()))) {
        detail = error.path("message").asText();
      }
    } catch (IOException notJson) {
      // not the engine's JSON error: nothing of it is kept
    }
    captured.resetBuffer();
    response.resetBuffer();
    HttpStatus known = HttpStatus.resolve(status);
    write(
        response,
        known == null ? HttpStatus.BAD_REQUEST : known,
        "engine-refused",
        detail,
        List.of());
  }

  private void write(
      HttpServletResponse response,
      HttpStatus status,
      String slug,
      String detail,
      List<FieldError> errors)
      throws IOException {
    ProblemDetail problem =
        Problems.withErrors(Problems.of(status, slug, status.getReasonPhrase(), detail), errors);
    // what Tasklist and Cockpit show of an error
    problem.setProperty(
        "message",
        errors.isEmpty()
            ? detail
            : errors.stream()
                .map(e -> e.field() + " " + e.message())
                .collect(java.util.stream.Collectors.joining("; ")));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    byte[] body = json.writeValueAsBytes(problem);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** A request body read once for the checks and again by the engine. */
  record CachedBody(HttpServletRequest original, byte[] bytes) {

    static CachedBody of(HttpServletRequest request) throws IOException {
      try (InputStream in = request.getInputStream()) {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
          throw new ApiException(
              HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "The request body is too large");
        }
        return new CachedBody(request, bytes);
      }
    }

    JsonNode json(ObjectMapper mapper) {
      if (bytes.length == 0) {
        return mapper.missingNode();
      }
      try {
        JsonNode node = mapper.readTree(bytes);
        return node == null ? mapper.missingNode() : node;
      } catch (IOException e) {
        throw ApiException.invalid("body", "is not JSON");
      }
    }

    HttpServletRequest request() {
      return new RereadableRequest(original, bytes);
    }
  }

  static List<String> urlPatterns() {
    return List.of(ENGINE_REST + "/*", WEBAPP_API + "/*");
  }
}

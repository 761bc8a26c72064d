package io.contractflow.workflow.enginerest;

import io.contractflow.identity.CurrentUser;
import java.util.Set;

/**
 * Which operations of Camunda's REST API ({@code /engine-rest} and the webapps' {@code
 * /camunda/api/engine}) a signed-in user who is not an admin may call: what Tasklist needs for
 * their work, and for auditors Cockpit's reads. Everything else is refused before the engine sees
 * it. Admins are not limited here. Each entry is explained in {@code docs/security.md}, "Engine
 * surfaces".
 */
public final class EngineSurfaceAllowList {

  /**
   * Reading: the engine's authorizations and {@link EngineSurfaceFilter}'s task checks decide what
   * is seen.
   */
  public static final Set<String> TASKLIST_READS =
      Set.of(
          "GET /engine",
          // the task list and one task
          "GET /task",
          "POST /task",
          "GET /task/count",
          "POST /task/count",
          "GET /task/{id}",
          // the task's form
          "GET /task/{id}/form",
          "GET /task/{id}/deployed-form",
          "GET /task/{id}/rendered-form",
          "GET /task/{id}/form-variables",
          // the task's people, comments and history
          "GET /task/{id}/identity-links",
          "GET /task/{id}/comment",
          "GET /task/{id}/comment/{commentId}",
          "GET /history/user-operation",
          "GET /history/user-operation/count",
          // filters: the list with counts, one filter, running one
          "GET /filter",
          "GET /filter/count",
          "GET /filter/{id}",
          "OPTIONS /filter",
          "OPTIONS /filter/{id}",
          "GET /filter/{id}/list",
          "POST /filter/{id}/list",
          "GET /filter/{id}/count",
          "POST /filter/{id}/count",
          // the model behind a task (diagram tab, the form's process)
          "GET /process-definition",
          "GET /process-definition/count",
          "GET /process-definition/{id}",
          "GET /process-definition/{id}/xml",
          "GET /process-definition/{id}/diagram",
          // names shown for assignees and groups; the caller's own permissions (which buttons
          // Tasklist offers)
          "GET /user/{id}/profile",
          "GET /group",
          "GET /group/count",
          "GET /authorization/check");

  /** Working on a task offered to or assigned to oneself: never for auditors, who only read. */
  public static final Set<String> TASK_WORK =
      Set.of(
          "POST /task/{id}/claim",
          "POST /task/{id}/unclaim",
          "POST /task/{id}/assignee",
          "POST /task/{id}/complete",
          "POST /task/{id}/submit-form",
          "POST /task/{id}/comment/create");

  /** One's own Tasklist filters (the engine's filter authorizations keep them one's own). */
  public static final Set<String> OWN_FILTERS =
      Set.of("POST /filter/create", "PUT /filter/{id}", "DELETE /filter/{id}");

  private EngineSurfaceAllowList() {}

  /** Whether a non-admin may call the operation at all (the filter then checks the object). */
  public static boolean allows(CurrentUser user, EngineOperation operation) {
    String key = operation.key();
    if (TASKLIST_READS.contains(key) || OWN_FILTERS.contains(key)) {
      return true;
    }
    if (user.isReadOnly()) {
      return cockpitRead(operation);
    }
    return TASK_WORK.contains(key);
  }

  /**
   * Cockpit, read-only, for auditors: every read of the engine API (GET) and the POST queries
   * Cockpit sends ({@code query...} methods, which read with a body), CMMN excepted. The engine's
   * authorizations grant auditors read permissions only, so this is a second wall, not the first.
   */
  public static boolean cockpitRead(EngineOperation operation) {
    if (operation.template().startsWith("/case-")
        || operation.template().startsWith("/history/case-")) {
      return false; // no CMMN here: nothing to read, and its resources answer bogus ids with server
      // errors
    }
    return "GET".equals(operation.httpMethod())
        || ("POST".equals(operation.httpMethod()) && operation.javaMethod().startsWith("query"));
  }
}

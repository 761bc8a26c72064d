package io.contractflow.workflow.enginerest;

import io.contractflow.identity.CurrentUser;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The webapps' own API beside the engine's ({@code
 * /camunda/api/{admin,tasklist,cockpit,welcome}/...}): what a signed-in user who is not an admin
 * may call there. Signing in and out, the apps' static plugin files, and for auditors Cockpit's
 * base plugin, whose resources only read (GET, and POST queries with a body).
 */
final class WebappApiAllowList {

  /** Paths below {@code /camunda/api}, with the method first. */
  static final List<Pattern> EVERYONE =
      List.of(
          Pattern.compile("GET /admin/auth/user/[^/]+"),
          Pattern.compile("POST /admin/auth/user/[^/]+/login/[^/]+"),
          Pattern.compile("POST /admin/auth/user/[^/]+/logout"),
          Pattern.compile("GET /(tasklist|cockpit|admin|welcome)/plugin/[^/]+/static/.+"));

  static final List<Pattern> AUDITORS =
      List.of(Pattern.compile("(GET|POST) /cockpit/plugin/base/[^/]+/.+"));

  private WebappApiAllowList() {}

  static boolean allows(CurrentUser user, String method, String path) {
    String request = ("HEAD".equals(method) ? "GET" : method) + " " + path;
    if (EVERYONE.stream().anyMatch(p -> p.matcher(request).matches())) {
      return true;
    }
    return user.isReadOnly() && AUDITORS.stream().anyMatch(p -> p.matcher(request).matches());
  }
}

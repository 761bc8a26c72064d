package io.contractflow.workspace;

import io.contractflow.identity.WorkspacePaths;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The workspace's sign-in form in the embedded default (Spring Security's form login checks it,
 * against the same users as HTTP Basic). Served from here rather than as a static file so that the
 * form carries the CSRF token and works without scripts.
 */
@Controller
@Hidden
@Profile("!keycloak")
class SignInPage {

  @GetMapping(value = WorkspacePaths.SIGN_IN, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(
      CsrfToken csrf,
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String throttled,
      @RequestParam(required = false) String signedout) {
    String notice =
        error != null
            ? "<p class=\"notice error\" role=\"alert\">Wrong user name or password.</p>"
            : throttled != null
                ? "<p class=\"notice error\" role=\"alert\">Too many failed sign-ins from your"
                    + " address: please wait a little and try again.</p>"
                : signedout != null
                    ? "<p class=\"notice\" role=\"status\">You are signed out.</p>"
                    : "";
    String html =
        """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Sign in · ContractFlow</title>
          <link rel="stylesheet" href="/app/workspace.css">
        </head>
        <body class="signin">
          <main class="signin-box">
            <h1><span class="logo" aria-hidden="true">◆</span> ContractFlow</h1>
            <h2>Sign in to your workspace</h2>
            %s
            <form method="post" action="%s">
              <label for="username">User name</label>
              <input id="username" name="username" autocomplete="username" required autofocus>
              <label for="password">Password</label>
              <input id="password" name="password" type="password"
                     autocomplete="current-password" required>
              <input type="hidden" name="%s" value="%s">
              <button type="submit" class="primary">Sign in</button>
            </form>
          </main>
        </body>
        </html>
        """
            .formatted(
                notice,
                WorkspacePaths.SIGN_IN,
                HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(html);
  }
}

package io.contractflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Recognises a user who is logged into the platform's web pages in the browser: Camunda Tasklist,
 * so that the links on a task's form (the contract's document) open without a second login (reads
 * only, GET and HEAD, which a cross-site request cannot abuse), or the workspace, whose pages call
 * the whole API with the session (changes need the session's CSRF token: {@link
 * WorkspaceSessions}).
 */
public interface BrowserSessionAuthentication {

  Optional<Authentication> authenticate(HttpServletRequest request);

  /**
   * Whether this session may also change things (POST, PUT, PATCH, DELETE); only a session whose
   * unsafe requests are checked for a CSRF token may.
   */
  default boolean allowsChanges() {
    return false;
  }
}

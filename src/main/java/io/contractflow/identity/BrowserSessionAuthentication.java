package io.contractflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Recognises a user who is logged into the platform's web pages (Camunda Tasklist) in the browser,
 * so that the links on a task's form (the contract's document) open without a second login. Used
 * only for reads (GET, HEAD), which a cross-site request cannot abuse.
 */
public interface BrowserSessionAuthentication {

  Optional<Authentication> authenticate(HttpServletRequest request);
}

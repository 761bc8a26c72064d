package io.contractflow.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is acting in the engine right now: the authenticated user, or {@code system} for the job
 * executor.
 */
public final class Actors {

  /** The actor of what the lifecycle does on its own (the job executor's steps). */
  public static final String SYSTEM = "system";

  private Actors() {}

  public static String current(IdentityService identity, String fallback) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return fallback == null ? SYSTEM : fallback;
  }
}

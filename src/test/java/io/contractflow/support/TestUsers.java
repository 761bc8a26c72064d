package io.contractflow.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users a test makes for itself in the engine's identity (the embedded default). */
public final class TestUsers {

  private TestUsers() {}

  /**
   * A user with an address ({@code <id>@example.com}) who signs in with their id as password, in
   * the given groups.
   */
  public static String create(
      IdentityService identity, String id, String firstName, String lastName, String... groups) {
    User user = identity.newUser(id);
    user.setPassword(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(id + "@example.com");
    identity.saveUser(user);
    for (String group : groups) {
      identity.createMembership(id, group);
    }
    return id;
  }

  /** A requester of the test's own: the prefix and a unique suffix as id. */
  public static String requester(IdentityService identity, String prefix) {
    return create(
        identity, prefix + Long.toHexString(System.nanoTime()), prefix, "Tester", "requester");
  }
}

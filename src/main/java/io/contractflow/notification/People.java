package io.contractflow.notification;

import java.util.List;
import java.util.Optional;

/**
 * Who mail goes to: users and the members of groups, with their names and addresses, from the
 * platform's identity (Camunda's users in the embedded default, the Keycloak realm's with the
 * {@code keycloak} profile).
 */
public interface People {

  Optional<Person> user(String userId);

  List<Person> membersOf(String groupId);

  /** A user who can receive mail. */
  record Person(String userId, String name, String email) {}
}

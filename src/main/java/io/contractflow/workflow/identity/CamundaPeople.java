package io.contractflow.workflow.identity;

import io.contractflow.notification.People;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Mail recipients from Camunda's identity service: its own users in the embedded default, the
 * Keycloak realm's through the identity plugin with the {@code keycloak} profile. Users without an
 * email address get no mail.
 */
@Component
class CamundaPeople implements People {

  private static final int MAX_GROUP_MEMBERS = 500;

  private final IdentityService identity;

  CamundaPeople(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Optional<Person> user(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
        .flatMap(CamundaPeople::person);
  }

  @Override
  public List<Person> membersOf(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).listPage(0, MAX_GROUP_MEMBERS).stream()
        .map(CamundaPeople::person)
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<Person> person(User user) {
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      return Optional.empty();
    }
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .trim();
    return Optional.of(
        new Person(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail()));
  }
}

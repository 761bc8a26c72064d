package io.contractflow.identity;

import java.util.Optional;

/** Looks up users and groups in whichever identity store is active. */
public interface UserDirectory {

  boolean userExists(String userId);

  boolean groupExists(String groupId);

  /**
   * The user as the identity store knows them now, with their groups and the roles those give;
   * empty if there is no such user. For callers that act for a user who is not signed in (a
   * calendar feed), so that what they may read follows today's memberships.
   */
  Optional<CurrentUser> current(String userId);
}

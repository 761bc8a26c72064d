package io.contractflow.identity;

/** Looks up users and groups in whichever identity store is active. */
public interface UserDirectory {

  boolean userExists(String userId);

  boolean groupExists(String groupId);
}

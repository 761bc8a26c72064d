package io.contractflow.contract;

import io.contractflow.identity.CurrentUser;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ContractAccessPolicy#canRead} as sets of principals, for places that filter many contracts
 * at once (search): a contract lists who may read it ({@link #ofContract}), a caller lists who they
 * are ({@link #ofCaller}), and the caller may read the contract exactly when the two meet, or when
 * the caller reads everything.
 */
public final class ReaderPrincipals {

  private ReaderPrincipals() {}

  public static String user(String username) {
    return "user:" + username;
  }

  public static String group(String groupId) {
    return "group:" + groupId;
  }

  /** The principal a share names. {@code principalType} is {@code USER} or {@code GROUP}. */
  public static String ofShare(String principalType, String principalId) {
    return switch (principalType) {
      case "USER" -> user(principalId);
      case "GROUP" -> group(principalId);
      default ->
          throw new IllegalArgumentException("Unknown share principal type " + principalType);
    };
  }

  /**
   * Who may read a contract besides those who read everything: its owner and every share (VIEW or
   * EDIT).
   */
  public static Set<String> ofContract(String owner, Set<String> sharePrincipals) {
    Set<String> readers = new LinkedHashSet<>();
    readers.add(user(owner));
    readers.addAll(sharePrincipals);
    return readers;
  }

  /** The caller's principals; empty when the caller reads every contract (admins, auditors). */
  public static Optional<Set<String>> ofCaller(CurrentUser user) {
    if (user.readsAll()) {
      return Optional.empty();
    }
    Set<String> principals = new LinkedHashSet<>();
    principals.add(user(user.username()));
    user.groups().forEach(g -> principals.add(group(g)));
    return Optional.of(principals);
  }
}

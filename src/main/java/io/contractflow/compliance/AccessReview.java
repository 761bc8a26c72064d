package io.contractflow.compliance;

import io.contractflow.identity.Role;
import io.contractflow.notification.People;
import io.contractflow.security.SignIns;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access review (SOC 2 evidence): who holds which role, which contracts are shared with whom
 * and how, and when each person last signed in. Users come from the platform's identity (the roles'
 * groups), shares from {@code contractflow.contract_share}, sign-ins from {@link SignIns}.
 */
@Component
class AccessReview {

  /** Shares listed per principal; the count is always whole. */
  static final int LISTED_SHARES = 50;

  private final People people;
  private final SignIns signIns;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  AccessReview(People people, SignIns signIns, JdbcTemplate jdbc, Clock clock) {
    this.people = people;
    this.signIns = signIns;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One person or group and what they may do. */
  record Principal(
      String type,
      String id,
      String name,
      String email,
      List<String> roles,
      long shares,
      List<String> sharedContracts,
      Instant lastSignIn,
      String lastSignInSurface) {}

  record Review(Instant generatedAt, List<Principal> principals) {}

  @Transactional(readOnly = true)
  Review build() {
    Map<String, People.Person> users = new TreeMap<>();
    Map<String, List<String>> roles = new TreeMap<>();
    for (Role role : Role.values()) {
      for (People.Person person : people.membersOf(role.groupId())) {
        users.putIfAbsent(person.userId(), person);
        roles.computeIfAbsent(person.userId(), k -> new ArrayList<>()).add(role.groupId());
      }
    }
    Map<String, List<String>> shares = new TreeMap<>();
    jdbc.query(
        """
        select s.principal_type, s.principal_id, c.reference, s.permission
        from contractflow.contract_share s join contractflow.contract c on c.id = s.contract_id
        order by s.principal_type, s.principal_id, c.reference
        """,
        rs -> {
          shares
              .computeIfAbsent(rs.getString(1) + ":" + rs.getString(2), k -> new ArrayList<>())
              .add(rs.getString(3) + " " + rs.getString(4));
        });
    Map<String, SignIns.SignIn> lastSignIns = signIns.all();
    TreeMap<String, Boolean> userIds = new TreeMap<>();
    users.keySet().forEach(u -> userIds.put(u, true));
    lastSignIns.keySet().forEach(u -> userIds.put(u, true));
    shares.keySet().stream()
        .filter(k -> k.startsWith("USER:"))
        .forEach(k -> userIds.put(k.substring(5), true));
    List<Principal> principals = new ArrayList<>();
    for (String user : userIds.keySet()) {
      People.Person person = users.get(user);
      List<String> held = shares.getOrDefault("USER:" + user, List.of());
      SignIns.SignIn signIn = lastSignIns.get(user);
      principals.add(
          new Principal(
              "USER",
              user,
              person == null ? null : person.name(),
              person == null ? null : person.email(),
              roles.getOrDefault(user, List.of()),
              held.size(),
              held.subList(0, Math.min(LISTED_SHARES, held.size())),
              signIn == null ? null : signIn.at(),
              signIn == null ? null : signIn.surface()));
    }
    shares.forEach(
        (key, held) -> {
          if (key.startsWith("GROUP:")) {
            principals.add(
                new Principal(
                    "GROUP",
                    key.substring(6),
                    null,
                    null,
                    List.of(),
                    held.size(),
                    held.subList(0, Math.min(LISTED_SHARES, held.size())),
                    null,
                    null));
          }
        });
    return new Review(clock.instant(), principals);
  }
}

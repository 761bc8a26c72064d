package io.contractflow.privacy;

import io.contractflow.platform.error.NotFoundException;
import io.contractflow.platform.privacy.PersonalTerms;
import io.contractflow.workflow.privacy.EnginePersonalData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds who a request is about: the user (by id, or by address in the identity store), every
 * address they are known by, and every name stored with those addresses (counterparty contacts,
 * planned and invited signers, the names signers typed).
 */
@Component
class DataSubjects {

  private final EnginePersonalData engine;
  private final JdbcTemplate jdbc;

  DataSubjects(EnginePersonalData engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  DataSubject find(String email, String userId) {
    Set<String> emails = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    String asked;
    String user = null;
    if (userId != null) {
      asked = "user:" + userId.strip();
      user = userId.strip();
      Optional<EnginePersonalData.EngineUser> known = engine.user(user);
      known.ifPresent(
          u -> {
            if (u.email() != null && !u.email().isBlank()) {
              emails.add(PersonalTerms.normalisedEmail(u.email()));
            }
            names.add(u.name());
          });
      if (known.isEmpty() && !appearsAsUser(user)) {
        throw new NotFoundException("No user " + user + " and nothing stored for that user id");
      }
    } else {
      String address = PersonalTerms.normalisedEmail(email);
      asked = "email:" + address;
      emails.add(address);
      Optional<EnginePersonalData.EngineUser> known = engine.userByEmail(address);
      if (known.isPresent()) {
        user = known.get().id();
        names.add(known.get().name());
      }
    }
    for (String address : List.copyOf(emails)) {
      names.addAll(namesFor(address));
    }
    names.removeIf(n -> n == null || n.isBlank());
    if (user == null && names.isEmpty() && !appearsAsAddress(emails)) {
      throw new NotFoundException("Nothing is stored for " + asked);
    }
    return new DataSubject(asked, user, new ArrayList<>(emails), new ArrayList<>(names));
  }

  private List<String> namesFor(String address) {
    return jdbc.queryForList(
        """
        select contact_name from contractflow.counterparty where lower(contact_email) = ?
        union select name from contractflow.signing_plan_signer where lower(email) = ?
        union select name from contractflow.signing_signer where lower(email) = ?
        union select typed_name from contractflow.signing_signer where lower(email) = ?
        """,
        String.class,
        address,
        address,
        address,
        address);
  }

  private boolean appearsAsUser(String userId) {
    Boolean found =
        jdbc.queryForObject(
            """
            select exists (select 1 from contractflow.contract where owner = ?)
                or exists (select 1 from contractflow.contract_share
                           where principal_type = 'USER' and principal_id = ?)
                or exists (select 1 from contractflow.audit_entry where actor = ?)
                or exists (select 1 from contractflow.mail where recipient_user = ?)
            """,
            Boolean.class,
            userId,
            userId,
            userId,
            userId);
    return Boolean.TRUE.equals(found);
  }

  private boolean appearsAsAddress(Set<String> emails) {
    for (String address : emails) {
      Boolean found =
          jdbc.queryForObject(
              "select exists (select 1 from contractflow.mail where lower(recipient_email) = ?)",
              Boolean.class,
              address);
      if (Boolean.TRUE.equals(found)) {
        return true;
      }
    }
    return false;
  }
}

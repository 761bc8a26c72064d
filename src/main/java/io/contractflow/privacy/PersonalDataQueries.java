package io.contractflow.privacy;

import io.contractflow.platform.privacy.PersonalTerms;
import io.contractflow.workflow.privacy.EnginePersonalData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the platform's own tables (schema {@code contractflow}) for one person: each store of the
 * inventory (docs/privacy.md) that is a table, the contracts they are involved in, and the other
 * people of those contracts (to mask them in an export).
 */
@Component
class PersonalDataQueries {

  private final JdbcTemplate jdbc;
  private final EnginePersonalData engine;

  PersonalDataQueries(JdbcTemplate jdbc, EnginePersonalData engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  /** A document version the person uploaded or signed. */
  record Document(
      UUID id,
      String contractReference,
      int versionNumber,
      String fileName,
      String sha256,
      String why) {}

  private static String user(DataSubject subject) {
    // a user id nobody has: the queries by user find nothing for someone who is not a user
    return subject.userId() == null ? "(no user)" : subject.userId();
  }

  private static String[] emails(DataSubject subject) {
    return subject.emails().stream().map(e -> e.toLowerCase(Locale.ROOT)).toArray(String[]::new);
  }

  private List<Map<String, Object>> rows(String sql, Object... args) {
    return jdbc.queryForList(sql, args);
  }

  /** Every table store, by file name (without .json). */
  Map<String, Object> export(DataSubject subject, PersonalTerms terms) {
    String user = user(subject);
    String[] emails = emails(subject);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "counterparty-contacts",
        rows(
            """
            select cp.id, cp.name as counterparty, cp.contact_name, cp.contact_email, cp.created_at,
                   cp.updated_at, sc.customer_id as stripe_customer
            from contractflow.counterparty cp
            left join contractflow.stripe_customer sc on sc.counterparty_id = cp.id
            where lower(cp.contact_email) = any (?) order by cp.created_at
            """,
            (Object) emails));
    out.put(
        "counterparties-created",
        rows(
            "select id, name, created_at from contractflow.counterparty where owner = ?"
                + " order by created_at",
            user));
    Map<String, Object> contracts = new LinkedHashMap<>();
    contracts.put(
        "owned",
        rows(
            """
            select id, reference, title, type, status, owner, start_date, end_date, created_at,
                   updated_at
            from contractflow.contract where owner = ? order by created_at
            """,
            user));
    contracts.put(
        "sharedWithThem",
        rows(
            """
            select c.reference, c.title, s.permission, s.granted_by, s.granted_at
            from contractflow.contract_share s join contractflow.contract c on c.id = s.contract_id
            where s.principal_type = 'USER' and s.principal_id = ? order by s.granted_at
            """,
            user));
    contracts.put(
        "sharesTheyGranted",
        rows(
            """
            select c.reference, s.principal_type, s.principal_id, s.permission, s.granted_at
            from contractflow.contract_share s join contractflow.contract c on c.id = s.contract_id
            where s.granted_by = ? order by s.granted_at
            """,
            user));
    out.put("contracts", contracts);
    Map<String, Object> signing = new LinkedHashMap<>();
    signing.put(
        "plannedSigner",
        rows(
            """
            select c.reference, p.position, p.sign_order, p.name, p.email
            from contractflow.signing_plan_signer p join contractflow.contract c on c.id = p.contract_id
            where lower(p.email) = any (?) order by c.reference, p.position
            """,
            (Object) emails));
    signing.put(
        "signer",
        rows(
            """
            select r.contract_reference, r.id as request_id, r.provider, r.status as request_status,
                   s.id as signer_id, s.position, s.name, s.email, s.status, s.invited_at, s.typed_name,
                   s.consent_text, s.signed_at, s.ip_address, s.user_agent, s.declined_at, s.decline_reason
            from contractflow.signing_signer s join contractflow.signing_request r on r.id = s.request_id
            where lower(s.email) = any (?) order by r.created_at, s.position
            """,
            (Object) emails));
    signing.put(
        "signerEvents",
        rows(
            """
            select e.signer_id, e.at, e.kind, e.actor, e.detail
            from contractflow.signing_signer_event e join contractflow.signing_signer s on s.id = e.signer_id
            where lower(s.email) = any (?) order by e.at
            """,
            (Object) emails));
    signing.put(
        "requestsSent",
        rows(
            """
            select id, contract_reference, provider, status, created_at, completed_at, closed_at
            from contractflow.signing_request where created_by = ? order by created_at
            """,
            user));
    signing.put(
        "plansSet",
        rows(
            """
            select c.reference, p.mode, p.provider, p.updated_at
            from contractflow.signing_plan p join contractflow.contract c on c.id = p.contract_id
            where p.updated_by = ? order by p.updated_at
            """,
            user));
    out.put("signing", signing);
    out.put(
        "documents",
        rows(
            """
            select c.reference, d.id, d.version_number, d.file_name, d.media_type, d.size_bytes,
                   d.sha256, d.uploaded_by, d.uploaded_at, d.is_current
            from contractflow.document_version d join contractflow.contract c on c.id = d.contract_id
            where d.uploaded_by = ? order by d.uploaded_at
            """,
            user));
    List<Map<String, Object>> mail =
        rows(
            """
            select id, event, contract_id, recipient_user, recipient_email, subject,
                   case when body_sealed is null then text_body
                        else '(carries a signing link: not exported)' end as text_body,
                   created_at, sent_at, held_for_digest
            from contractflow.mail
            where recipient_user = ? or lower(recipient_email) = any (?) order by created_at
            """,
            user,
            emails);
    out.put("mail", mail);
    out.put(
        "mail-about-them",
        rows(
            """
            select id, event, contract_id, subject, created_at, sent_at
            from contractflow.mail
            where not (coalesce(recipient_user, '') = ? or lower(recipient_email) = any (?))
              and (subject ~* ? or text_body ~* ?)
            order by created_at
            """,
            user,
            emails,
            terms.sqlPattern(),
            terms.sqlPattern()));
    Map<String, Object> notifications = new LinkedHashMap<>();
    notifications.put(
        "preferences",
        rows(
            "select event, enabled, delivery, updated_at from contractflow.notification_preference"
                + " where user_id = ? order by event",
            user));
    notifications.put(
        "pendingWork",
        rows(
            """
            select topic, payload, created_at, done_at, failed_at
            from contractflow.outbox where payload ~* ? order by id
            """,
            terms.sqlPattern()));
    out.put("notifications", notifications);
    out.put(
        "saved-views",
        rows(
            "select list, name, query, created_at from contractflow.saved_view where owner = ?"
                + " order by created_at",
            user));
    out.put(
        "calendar-feeds",
        rows(
            "select id, label, created_at, last_used_at, revoked_at"
                + " from contractflow.calendar_feed_token where username = ? order by created_at",
            user));
    out.put(
        "sign-ins",
        rows("select last_at, surface from contractflow.user_sign_in where user_id = ?", user));
    out.put(
        "security-log",
        rows(
            "select at, level, action, outcome, source_ip, message, fields"
                + " from contractflow.security_event where user_name = ? order by at, id",
            user));
    out.put(
        "model-deployments",
        rows(
            "select id, name, source, deployed_at from contractflow.model_deployment"
                + " where deployed_by = ? order by deployed_at",
            user));
    Map<String, Object> imports = new LinkedHashMap<>();
    imports.put(
        "imports",
        rows(
            "select id, archive_name, file_count, created_at from contractflow.contract_import"
                + " where created_by = ? order by created_at",
            user));
    imports.put(
        "files",
        rows(
            """
            select import_id, position, file_name, sha256, size, csv_facts, facts, status, contract_id,
                   failure, updated_at
            from contractflow.contract_import_file where owner = ? order by import_id, position
            """,
            user));
    out.put("imports", imports);
    Map<String, Object> obligations = new LinkedHashMap<>();
    obligations.put(
        "owned",
        rows(
            """
            select c.reference, o.id, o.kind, o.title, o.owed_by, o.schedule, o.amount, o.currency,
                   o.created_by, o.created_at
            from contractflow.obligation o join contractflow.contract c on c.id = o.contract_id
            where (o.owner_type = 'USER' and o.owner_id = ?) or o.created_by = ? order by o.created_at
            """,
            user,
            user));
    obligations.put(
        "settled",
        rows(
            """
            select obligation_id, seq, due_on, status, outcome_at, outcome_by, note
            from contractflow.obligation_instalment where outcome_by = ? order by outcome_at
            """,
            user));
    out.put("obligations", obligations);
    out.put(
        "clauses",
        rows(
            """
            select c.key, v.version, v.created_at
            from contractflow.clause_version v join contractflow.clause c on c.id = v.clause_id
            where v.created_by = ? order by v.created_at
            """,
            user));
    out.put(
        "reports",
        rows(
            """
            select month, measure, sum(n) as reviews
            from contractflow.duration_histogram where key = ? group by month, measure order by month
            """,
            user));
    return out;
  }

  /** The document versions they uploaded or signed. */
  List<Document> documents(DataSubject subject) {
    List<Document> out = new ArrayList<>();
    jdbc.query(
        """
        select d.id, c.reference, d.version_number, d.file_name, d.sha256, 'uploaded by them' as why
        from contractflow.document_version d join contractflow.contract c on c.id = d.contract_id
        where d.uploaded_by = ?
        union
        select d.id, c.reference, d.version_number, d.file_name, d.sha256, 'signed by them'
        from contractflow.signing_signer s
        join contractflow.signing_request r on r.id = s.request_id
        join contractflow.document_version d
          on d.id = r.document_version_id or d.id = r.sealed_version_id
        join contractflow.contract c on c.id = d.contract_id
        where s.status = 'SIGNED' and lower(s.email) = any (?)
        order by 2, 3
        """,
        rs -> {
          out.add(
              new Document(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6)));
        },
        user(subject),
        emails(subject));
    return out;
  }

  /** The contracts the person is involved in: owner, share, contact, signer, uploader, named. */
  Set<UUID> involvedContracts(DataSubject subject, PersonalTerms terms) {
    String user = user(subject);
    String[] emails = emails(subject);
    return new LinkedHashSet<>(
        jdbc.queryForList(
            """
            select id from contractflow.contract where owner = ?
            union select contract_id from contractflow.contract_share
              where principal_type = 'USER' and (principal_id = ? or granted_by = ?)
            union select c.id from contractflow.contract c
              join contractflow.counterparty cp on cp.id = c.counterparty_id
              where lower(cp.contact_email) = any (?)
            union select contract_id from contractflow.signing_plan_signer where lower(email) = any (?)
            union select r.contract_id from contractflow.signing_request r
              join contractflow.signing_signer s on s.request_id = r.id where lower(s.email) = any (?)
            union select contract_id from contractflow.document_version
              where uploaded_by = ? or extracted_text ~* ?
            union select contract_id from contractflow.audit_entry
              where actor ~* ? or summary ~* ? or details::text ~* ?
            union select contract_id from contractflow.mail
              where contract_id is not null and (recipient_user = ? or lower(recipient_email) = any (?))
            """,
            UUID.class,
            user,
            user,
            user,
            emails,
            emails,
            emails,
            user,
            terms.sqlPattern(),
            terms.sqlPattern(),
            terms.sqlPattern(),
            terms.sqlPattern(),
            user,
            emails));
  }

  /**
   * Everyone else who appears with the person on their contracts: owners, share holders and
   * granters, counterparty contacts, signers, uploaders, actors in the trail, mail recipients, and
   * the names and addresses the identity store has for the users among them.
   */
  PersonalTerms otherPeople(DataSubject subject, PersonalTerms terms) {
    UUID[] contracts = involvedContracts(subject, terms).toArray(UUID[]::new);
    Set<String> userIds = new LinkedHashSet<>();
    Set<String> emails = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    userIds.addAll(
        jdbc.queryForList(
            """
            select owner from contractflow.contract where id = any (?)
            union select principal_id from contractflow.contract_share
              where contract_id = any (?) and principal_type = 'USER'
            union select granted_by from contractflow.contract_share where contract_id = any (?)
            union select uploaded_by from contractflow.document_version where contract_id = any (?)
            union select created_by from contractflow.signing_request where contract_id = any (?)
            union select actor from contractflow.audit_entry where contract_id = any (?)
            union select recipient_user from contractflow.mail
              where contract_id = any (?) and recipient_user is not null
            union select owner from contractflow.counterparty cp
              where owner is not null and exists (select 1 from contractflow.contract c
                where c.counterparty_id = cp.id and c.id = any (?))
            """,
            String.class,
            contracts,
            contracts,
            contracts,
            contracts,
            contracts,
            contracts,
            contracts,
            contracts));
    jdbc.query(
        """
        select cp.contact_name, cp.contact_email from contractflow.counterparty cp
          join contractflow.contract c on c.counterparty_id = cp.id where c.id = any (?)
        union select name, email from contractflow.signing_plan_signer where contract_id = any (?)
        union select s.name, s.email from contractflow.signing_signer s
          join contractflow.signing_request r on r.id = s.request_id where r.contract_id = any (?)
        union select typed_name, email from contractflow.signing_signer s
          join contractflow.signing_request r on r.id = s.request_id where r.contract_id = any (?)
        union select null, recipient_email from contractflow.mail where contract_id = any (?)
        """,
        rs -> {
          names.add(rs.getString(1));
          emails.add(rs.getString(2));
        },
        contracts,
        contracts,
        contracts,
        contracts,
        contracts);
    List<String> ids = new ArrayList<>();
    for (String id : userIds) {
      if (id == null || id.equals("system") || id.startsWith("signer ")) {
        continue;
      }
      ids.add(id);
      engine
          .user(id)
          .ifPresent(
              u -> {
                names.add(u.name());
                emails.add(u.email());
              });
    }
    names.addAll(ids);
    names.removeIf(n -> n == null || n.isBlank() || isOwn(n, terms));
    emails.removeIf(e -> e == null || e.isBlank() || isOwn(e, terms));
    return PersonalTerms.of(null, null, new ArrayList<>(emails), new ArrayList<>(names));
  }

  private static boolean isOwn(String value, PersonalTerms terms) {
    return terms.values().stream().anyMatch(t -> t.equalsIgnoreCase(value.strip()));
  }
}

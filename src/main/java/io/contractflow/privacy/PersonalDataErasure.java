package io.contractflow.privacy;

import io.contractflow.audit.ChainVerification;
import io.contractflow.audit.PersonalDataInAudit;
import io.contractflow.document.storage.DocumentStore;
import io.contractflow.platform.privacy.PersonalDataErased;
import io.contractflow.platform.privacy.PersonalTerms;
import io.contractflow.platform.privacy.TextSweep;
import io.contractflow.retention.LegalHolds;
import io.contractflow.security.SecurityEvents;
import io.contractflow.workflow.privacy.EnginePersonalData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Erases one person from every store of the inventory (docs/privacy.md), in one transaction: rows
 * that exist only for them are deleted (their saved views, calendar feeds, sign-in, preferences,
 * the mail sent to them, their signing sessions and codes), their user is deleted from the identity
 * store, a counterparty contact loses name and address, a signer's IP address and user agent go,
 * the audit trail is redacted with its chains vouched for ({@link PersonalDataInAudit}), and every
 * text column of the platform's and the engine's tables is swept ({@link TextSweep}): their user id
 * becomes the erasure's pseudonym, names and addresses {@value PersonalTerms#ERASED}. Documents on
 * contracts that ended unsigned (rejected, cancelled) that they uploaded or that name them are
 * deleted; documents of signed or live contracts are kept, and the answer says so. The search index
 * is rebuilt for their contracts from the erased database.
 */
@Component
class PersonalDataErasure {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataErasure.class);

  private static final Set<String> SIGNED = Set.of("ACTIVE", "EXPIRED", "TERMINATED");
  private static final Set<String> ENDED_UNSIGNED = Set.of("REJECTED", "CANCELLED");
  private static final Set<String> NOT_SWEPT =
      Set.of("audit_entry", "audit_tombstone", "privacy_request", "flyway_schema_history");

  private final JdbcTemplate jdbc;
  private final PersonalDataQueries queries;
  private final PersonalDataInAudit audit;
  private final EnginePersonalData engine;
  private final DocumentStore store;
  private final ApplicationEventPublisher events;
  private final SecurityEvents securityEvents;
  private final LegalHolds holds;

  PersonalDataErasure(
      JdbcTemplate jdbc,
      PersonalDataQueries queries,
      PersonalDataInAudit audit,
      EnginePersonalData engine,
      DocumentStore store,
      ApplicationEventPublisher events,
      SecurityEvents securityEvents,
      LegalHolds holds) {
    this.securityEvents = securityEvents;
    this.holds = holds;
    this.jdbc = jdbc;
    this.queries = queries;
    this.audit = audit;
    this.engine = engine;
    this.store = store;
    this.events = events;
  }

  /** One thing kept, and why. */
  record Kept(String store, String what, String why) {}

  /** What the erasure did. */
  record Result(
      UUID erasure,
      String pseudonym,
      Map<String, Long> removed,
      Map<String, Long> anonymised,
      List<Kept> kept,
      int contractsReindexed,
      Map<String, Object> chains) {}

  static String pseudonym(UUID erasureId) {
    return "erased-" + erasureId.toString().substring(0, 8);
  }

  @Transactional
  Result erase(DataSubject subject, String by, UUID erasureId) {
    securityEvents.flush(); // what the security log still queues about them is swept with the rest
    String pseudonym = pseudonym(erasureId);
    PersonalTerms terms = subject.terms(pseudonym);
    String user = subject.userId() == null ? "(no user)" : subject.userId();
    String[] emails =
        subject.emails().stream().map(e -> e.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    Set<UUID> contracts = queries.involvedContracts(subject, subject.terms());
    Map<String, Long> removed = new LinkedHashMap<>();
    Map<String, Long> anonymised = new LinkedHashMap<>();
    List<Kept> kept = new ArrayList<>();

    count(
        removed,
        "saved_view",
        jdbc.update("delete from contractflow.saved_view where owner = ?", user));
    count(
        removed,
        "calendar_feed_token",
        jdbc.update("delete from contractflow.calendar_feed_token where username = ?", user));
    count(
        removed,
        "user_sign_in",
        jdbc.update("delete from contractflow.user_sign_in where user_id = ?", user));
    count(
        removed,
        "notification_preference",
        jdbc.update("delete from contractflow.notification_preference where user_id = ?", user));
    List<String> mails =
        jdbc.queryForList(
            "select id::text from contractflow.mail where recipient_user = ?"
                + " or lower(recipient_email) = any (?)",
            String.class,
            user,
            emails);
    if (!mails.isEmpty()) {
      count(
          removed,
          "outbox",
          jdbc.update(
              "delete from contractflow.outbox where topic = 'mail' and payload = any (?)",
              (Object) mails.toArray(String[]::new)));
      count(
          removed,
          "mail",
          jdbc.update(
              "delete from contractflow.mail where id::text = any (?)",
              (Object) mails.toArray(String[]::new)));
    }
    count(
        removed,
        "signing_signer_session",
        jdbc.update(
            "delete from contractflow.signing_signer_session where signer_id in"
                + " (select id from contractflow.signing_signer where lower(email) = any (?))",
            (Object) emails));
    count(
        removed,
        "signing_signer_code",
        jdbc.update(
            "delete from contractflow.signing_signer_code where signer_id in"
                + " (select id from contractflow.signing_signer where lower(email) = any (?))",
            (Object) emails));
    count(
        anonymised,
        "signing_signer (IP address, user agent)",
        jdbc.update(
            "update contractflow.signing_signer set ip_address = null, user_agent = null"
                + " where lower(email) = any (?) and (ip_address is not null or user_agent is not null)",
            (Object) emails));
    List<Map<String, Object>> customers =
        jdbc.queryForList(
            """
            select cp.id, sc.customer_id from contractflow.counterparty cp
            join contractflow.stripe_customer sc on sc.counterparty_id = cp.id
            where lower(cp.contact_email) = any (?)
            """,
            (Object) emails);
    for (Map<String, Object> customer : customers) {
      kept.add(
          new Kept(
              "stripe",
              "Stripe customer " + customer.get("customer_id"),
              "Stripe holds the billing contact; delete or edit the customer in Stripe's dashboard"));
    }
    count(
        anonymised,
        "counterparty (contact)",
        jdbc.update(
            "update contractflow.counterparty set contact_name = null,"
                + " contact_email = 'erased@erased.invalid' where lower(contact_email) = any (?)",
            (Object) emails));

    List<String> held = holds.heldAmong(contracts);
    for (String reference : held) {
      kept.add(
          new Kept(
              "legal hold",
              reference,
              "the contract is under legal hold: its documents are kept (GDPR Art. 17(3)(e),"
                  + " legal claims) and retention will not delete it until the hold is lifted"));
    }
    List<String> deletedKeys = new ArrayList<>();
    jdbc.query(
        """
        select d.id, d.storage_key, c.reference, c.status, d.version_number
        from contractflow.document_version d join contractflow.contract c on c.id = d.contract_id
        where d.uploaded_by = ? or d.extracted_text ~* ?
        order by c.reference, d.version_number
        """,
        rs -> {
          String status = rs.getString("status");
          String what = rs.getString("reference") + " version " + rs.getInt("version_number");
          if (held.contains(rs.getString("reference"))) {
            kept.add(
                new Kept("documents", what, "the contract is under legal hold (see legal hold)"));
          } else if (ENDED_UNSIGNED.contains(status)) {
            deletedKeys.add(rs.getString("storage_key"));
            jdbc.update(
                "delete from contractflow.document_version where id = ?",
                rs.getObject("id", UUID.class));
            removed.merge("document_version", 1L, Long::sum);
          } else if (SIGNED.contains(status)) {
            kept.add(
                new Kept(
                    "documents",
                    what,
                    "a signed contract is kept for its retention period (legal obligation, GDPR"
                        + " Art. 17(3)(b)); the file stays encrypted in the document store, its"
                        + " searchable text was redacted"));
          } else {
            kept.add(
                new Kept(
                    "documents",
                    what,
                    "the contract is still in progress ("
                        + status
                        + "); its documents belong to the contract, not to the person; the"
                        + " searchable text was redacted, the uploader pseudonymised"));
          }
        },
        user,
        subject.terms().sqlPattern());

    Map<UUID, Integer> redacted = audit.erase(terms, by, erasureId);
    redacted.forEach((contract, n) -> anonymised.merge("audit_entry", (long) n, Long::sum));
    if (!redacted.isEmpty()) {
      kept.add(
          new Kept(
              "audit trail",
              redacted.size() + " contracts' trails",
              "the entries stay as evidence of what happened; the person's name, address and"
                  + " user id in them were replaced and a PERSONAL_DATA_ERASED entry vouches for"
                  + " each, so every chain still verifies"));
    }

    EnginePersonalData.Erased engineErased = engine.erase(subject.userId(), terms);
    if (engineErased.userDeleted()) {
      removed.put("identity user", 1L);
    }
    if (engineErased.userKeptWhy() != null) {
      kept.add(new Kept("identity", "user " + pseudonym, engineErased.userKeptWhy()));
    }
    engineErased.rewritten().forEach((table, n) -> anonymised.merge(table, n, Long::sum));

    TextSweep sweep = new TextSweep(jdbc);
    sweep
        .redact(sweep.columns("contractflow", table -> !NOT_SWEPT.contains(table)), terms)
        .forEach((table, n) -> anonymised.merge(table, n, Long::sum));

    kept.add(
        new Kept(
            "logs",
            "application and security log lines",
            "they name users by id only (addresses masked) and age out with the log platform's"
                + " retention (docs/privacy.md)"));
    kept.add(
        new Kept(
            "backups",
            "database and document store backups",
            "they age out with the backup retention; a restore must repeat this erasure"
                + " (the privacy_request table lists it)"));

    Map<String, Object> chains = new LinkedHashMap<>();
    Set<UUID> checked = new LinkedHashSet<>(contracts);
    checked.addAll(redacted.keySet());
    List<UUID> broken = new ArrayList<>();
    for (UUID contract : checked) {
      ChainVerification verification = audit.verify(contract);
      if (!verification.intact()) {
        broken.add(contract);
      }
    }
    if (!broken.isEmpty()) {
      throw new IllegalStateException("An erasure would leave broken audit chains: " + broken);
    }
    chains.put("verified", checked.size());
    chains.put("intact", true);

    events.publishEvent(new PersonalDataErased(erasureId, checked));
    if (!deletedKeys.isEmpty()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              for (String key : deletedKeys) {
                try {
                  store.delete(key);
                } catch (RuntimeException e) {
                  log.warn("Erasure {}: document {} not deleted from the store", erasureId, key, e);
                }
              }
            }
          });
    }
    return new Result(
        erasureId,
        subject.userId() == null ? null : pseudonym,
        removed,
        anonymised,
        kept,
        checked.size(),
        chains);
  }

  private static void count(Map<String, Long> counts, String store, int n) {
    if (n > 0) {
      counts.merge(store, (long) n, Long::sum);
    }
  }
}

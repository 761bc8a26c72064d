package io.contractflow.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.audit.AuditTombstones;
import io.contractflow.contract.ContractDeleted;
import io.contractflow.document.storage.DocumentStore;
import io.contractflow.security.SecurityLog;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deletes one contract past its retention from every store of the platform (docs/privacy.md), in
 * the caller's transaction (the retention process's step, which deletes the engine's runtime and
 * history of the contract in the same transaction): checked again first (a legal hold placed since
 * the contract was listed, a status or policy changed, stops it); then the rows of every feature
 * that name the contract — every table of the platform's schema with a {@code contract_id} column
 * (documents and their text, signing and its evidence, shares, tags, obligations and instalments,
 * mail, imports, ...), the rows that reach it through another (e-signature callback tokens and
 * vendor events, outbox entries, import runs left empty), the mention of its title in digest mails;
 * its audit chain is replaced by a signed tombstone ({@link AuditTombstones}); the contract row
 * with its custom field values. The document files are deleted from the store after commit, the
 * search index drops the contract through the search outbox ({@link ContractDeleted}), and what was
 * deleted is recorded in {@code retention_deletion} and the security log.
 */
@Service
public class ContractDeletion {

  private static final Logger log = LoggerFactory.getLogger(ContractDeletion.class);

  /** Tables with a contract_id column that are evidence of deletions, never deleted from. */
  private static final Set<String> KEPT = Set.of("retention_deletion", "audit_tombstone");

  private final JdbcTemplate jdbc;
  private final ContractsDueForDeletion due;
  private final ObjectMapper json;
  private final AuditTombstones tombstones;
  private final DocumentStore store;
  private final ApplicationEventPublisher events;
  private final SecurityLog securityLog;
  private final Clock clock;

  ContractDeletion(
      JdbcTemplate jdbc,
      ContractsDueForDeletion due,
      ObjectMapper json,
      AuditTombstones tombstones,
      DocumentStore store,
      ApplicationEventPublisher events,
      SecurityLog securityLog,
      Clock clock) {
    this.jdbc = jdbc;
    this.due = due;
    this.json = json;
    this.tombstones = tombstones;
    this.store = store;
    this.events = events;
    this.securityLog = securityLog;
    this.clock = clock;
  }

  /** How a deletion ended. */
  public enum Outcome {
    DELETED,
    SKIPPED_LEGAL_HOLD,
    SKIPPED_NOT_DUE,
    GONE
  }

  /** What became of one contract: the outcome, and the rows deleted per store. */
  public record Result(
      UUID contractId, String reference, Outcome outcome, Map<String, Long> deleted) {}

  /**
   * Whether the contract may be deleted now; if so, its platform rows are deleted. A repeat (the
   * step retried after its transaction rolled back, or run twice) finds it gone and records nothing
   * twice.
   *
   * @param runId the retention run (the process instance) that confirmed it
   * @param confirmedBy the admin who confirmed the run
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Result delete(UUID contractId, String runId, String confirmedBy) {
    Optional<ContractsDueForDeletion.Due> found = due.stillDue(contractId);
    if (found.isEmpty()) {
      Outcome outcome = outcomeOfNotDue(contractId);
      Result result = new Result(contractId, referenceOf(contractId), outcome, Map.of());
      evidence(runId, result, null, confirmedBy);
      return result;
    }
    ContractsDueForDeletion.Due contract = found.get();
    Map<String, Long> deleted = new LinkedHashMap<>();
    List<String> keys =
        jdbc.queryForList(
            "select storage_key from contractflow.document_version where contract_id = ?",
            String.class,
            contractId);

    // rows that reach the contract through another table
    List<UUID> requests =
        jdbc.queryForList(
            "select id from contractflow.signing_request where contract_id = ?",
            UUID.class,
            contractId);
    if (!requests.isEmpty()) {
      UUID[] ids = requests.toArray(UUID[]::new);
      count(
          deleted,
          "esign_callback_token",
          jdbc.update(
              "delete from contractflow.esign_callback_token where request_id = any (?)",
              (Object) ids));
      count(
          deleted,
          "esign_event",
          jdbc.update(
              "delete from contractflow.esign_event e using contractflow.signing_request r"
                  + " where r.id = any (?) and r.envelope_id is not null"
                  + " and e.provider = r.provider and e.envelope_id = r.envelope_id",
              (Object) ids));
    }
    count(
        deleted,
        "outbox (mail)",
        jdbc.update(
            "delete from contractflow.outbox o using contractflow.mail m"
                + " where o.topic = 'mail' and o.payload = m.id::text and m.contract_id = ?",
            contractId));
    count(
        deleted,
        "outbox",
        jdbc.update(
            "delete from contractflow.outbox where topic <> 'search' and strpos(payload, ?) > 0",
            contractId.toString()));
    String title =
        jdbc.queryForObject(
            "select title from contractflow.contract where id = ?", String.class, contractId);
    count(
        deleted,
        "mail (title in digests)",
        jdbc.update(
            "update contractflow.mail set subject = replace(subject, ?, '[deleted contract]'),"
                + " text_body = replace(text_body, ?, '[deleted contract]'),"
                + " html_body = replace(html_body, ?, '[deleted contract]')"
                + " where contract_id is null and (strpos(text_body, ?) > 0"
                + " or strpos(html_body, ?) > 0 or strpos(subject, ?) > 0)",
            title,
            title,
            title,
            title,
            title,
            title));
    List<UUID> imports =
        jdbc.queryForList(
            "select distinct import_id from contractflow.contract_import_file where contract_id = ?",
            UUID.class,
            contractId);

    // every table of the platform with a contract_id column (the contract row itself last)
    for (String table : tablesWithContractId()) {
      if (table.equals("audit_entry")) {
        continue;
      }
      count(
          deleted,
          table,
          jdbc.update("delete from contractflow." + table + " where contract_id = ?", contractId));
    }
    if (!imports.isEmpty()) {
      count(
          deleted,
          "contract_import (left empty)",
          jdbc.update(
              "delete from contractflow.contract_import i where i.id = any (?) and not exists"
                  + " (select 1 from contractflow.contract_import_file f where f.import_id = i.id)",
              (Object) imports.toArray(UUID[]::new)));
    }
    AuditTombstones.Tombstone tombstone =
        tombstones.retire(contractId, contract.reference(), confirmedBy, "retention run " + runId);
    deleted.put("audit_entry", (long) tombstone.entries());
    count(
        deleted,
        "contract",
        jdbc.update("delete from contractflow.contract where id = ?", contractId));
    if (!keys.isEmpty()) {
      deleted.put("document files", (long) keys.size());
    }

    Result result = new Result(contractId, contract.reference(), Outcome.DELETED, deleted);
    evidence(runId, result, contract, confirmedBy);
    events.publishEvent(new ContractDeleted(contractId, contract.reference()));
    deleteFilesAfterCommit(contractId, keys);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("contract", contractId.toString());
    facts.put("reference", contract.reference());
    facts.put("retention.run", runId);
    facts.put("retention.deleted", deleted.toString());
    facts.put("audit.tombstone_head", String.valueOf(tombstone.headHash()));
    securityLog.retention("retention-contract-deleted", confirmedBy, facts);
    return result;
  }

  /**
   * Adds what other stores deleted for the contract (the engine's instances) to the run's evidence
   * of it, in the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void addToEvidence(String runId, UUID contractId, Map<String, Long> deleted) {
    String more;
    try {
      more = json.writeValueAsString(deleted);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    jdbc.update(
        "update contractflow.retention_deletion set deleted = deleted || ?::jsonb"
            + " where run_id = ? and contract_id = ?",
        more,
        runId,
        contractId);
  }

  private Outcome outcomeOfNotDue(UUID contractId) {
    List<Boolean> held =
        jdbc.queryForList(
            "select legal_hold_placed_at is not null from contractflow.contract where id = ?",
            Boolean.class,
            contractId);
    if (held.isEmpty()) {
      return Outcome.GONE;
    }
    return held.get(0) ? Outcome.SKIPPED_LEGAL_HOLD : Outcome.SKIPPED_NOT_DUE;
  }

  private String referenceOf(UUID contractId) {
    return jdbc
        .queryForList(
            "select reference from contractflow.contract where id = ?", String.class, contractId)
        .stream()
        .findFirst()
        .orElse(null);
  }

  private void evidence(
      String runId, Result result, ContractsDueForDeletion.Due due, String confirmedBy) {
    String deleted;
    try {
      deleted = json.writeValueAsString(result.deleted());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    jdbc.update(
        """
        insert into contractflow.retention_deletion (id, run_id, contract_id, reference, contract_type,
          ended_on, keep_months, outcome, confirmed_by, deleted, at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
        on conflict (run_id, contract_id) do nothing
        """,
        UUID.randomUUID(),
        runId,
        result.contractId(),
        result.reference(),
        due == null ? null : due.type().name(),
        due == null ? null : due.endedOn(),
        due == null ? null : due.keepMonths(),
        result.outcome().name(),
        confirmedBy,
        deleted,
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    if (result.outcome() != Outcome.DELETED) {
      securityLog.retention(
          "retention-contract-kept",
          confirmedBy,
          Map.of(
              "contract",
              result.contractId().toString(),
              "retention.run",
              runId,
              "retention.outcome",
              result.outcome().name()));
    }
  }

  /** The platform's tables with a contract_id column, but the evidence of deletions. */
  private List<String> tablesWithContractId() {
    return jdbc
        .queryForList(
            """
            select c.table_name from information_schema.columns c
            join information_schema.tables t
              on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = 'contractflow' and c.column_name = 'contract_id'
              and t.table_type = 'BASE TABLE'
            order by c.table_name
            """,
            String.class)
        .stream()
        .filter(table -> !KEPT.contains(table))
        .toList();
  }

  private void deleteFilesAfterCommit(UUID contractId, List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            for (String key : keys) {
              try {
                store.delete(key);
              } catch (RuntimeException e) {
                log.warn(
                    "Retention: document {} of deleted contract {} not deleted from the store",
                    key,
                    contractId,
                    e);
              }
            }
          }
        });
  }

  private static void count(Map<String, Long> counts, String store, int n) {
    if (n > 0) {
      counts.merge(store, (long) n, Long::sum);
    }
  }
}

package io.contractflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what happened to a contract — transitions, task completions, decisions, comments — as an
 * append-only chain per contract in which each entry carries the hash of the one before, so that a
 * changed or deleted entry shows (see {@link EntryHash} for what the hash covers).
 *
 * <p>An entry is part of the change it describes: {@link #record} only joins a transaction that is
 * already running (a REST call's, or the engine's for a BPMN delegate or task listener) and commits
 * or rolls back with it. Appends to one contract's chain are serialised by locking the contract's
 * row, so two reviewers completing tasks at the same moment give two consecutive entries, never a
 * fork.
 */
@Service
public class AuditTrail {

  static final int MAX_ACTOR = 64;
  static final int MAX_SUMMARY = 1000;
  static final int MAX_DETAILS = 8192;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  private final AuditEntries entries;
  private final ObjectMapper json;
  private final Clock clock;

  AuditTrail(AuditEntries entries, ObjectMapper json, Clock clock) {
    this.entries = entries;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Appends an entry to the contract's trail in the caller's transaction, at the current time.
   *
   * @param actor who did it: a user name, or {@code system} for what the lifecycle does on its own
   * @param kind upper-case word, usually one of {@link AuditKinds}
   * @param summary one human sentence (up to 1000 characters)
   * @param details small facts as JSON-able values (strings, numbers, booleans, lists, maps, enums,
   *     UUIDs, times; up to 8 KB as JSON); null for none
   * @throws org.springframework.transaction.IllegalTransactionStateException if no transaction is
   *     running
   * @throws IllegalArgumentException if a field is missing, too long or holds a NUL character
   * @throws IllegalStateException if the contract does not exist
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      UUID contractId, String actor, String kind, String summary, Map<String, ?> details) {
    if (contractId == null) {
      throw new IllegalArgumentException("An audit entry needs the contract's id");
    }
    text("actor", actor, MAX_ACTOR);
    text("summary", summary, MAX_SUMMARY);
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "An audit entry's kind is an upper-case word like STATUS_CHANGED, not " + kind);
    }
    String canonicalDetails = canonical(details);

    if (!entries.lockContract(contractId)) {
      throw new IllegalStateException("No contract " + contractId);
    }
    // the time is read once the lock is held, so times follow the order of the chain
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditEntries.Link last = entries.last(contractId).orElse(null);
    int seq = last == null ? 1 : last.seq() + 1;
    String prevHash = last == null ? EntryHash.GENESIS : last.hash();
    byte[] salt = new byte[EntryHash.SALT_BYTES];
    RANDOM.nextBytes(salt);
    String hash =
        EntryHash.of(
            new EntryHash.Input(
                prevHash, contractId, seq, now, actor, kind, summary, canonicalDetails, salt));
    entries.insert(
        contractId, seq, now, actor, kind, summary, canonicalDetails, prevHash, hash, salt);
  }

  /**
   * Like {@link #record}, for a change a client made whose details may hold long texts (old and new
   * values): the summary and the texts in the details are cut to fit rather than refused, so that
   * no change fails for the length of its own record.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void recordFitted(
      UUID contractId, String actor, String kind, String summary, Map<String, ?> details) {
    record(contractId, actor, kind, Summaries.fit(summary), DetailsFit.fit(json, details));
  }

  private String canonical(Map<String, ?> details) {
    if (details == null || details.isEmpty()) {
      return "{}";
    }
    String canonical;
    try {
      // through the application's mapper, so enums, UUIDs and times are written as the API writes
      // them
      canonical = CanonicalJson.of(json.writeValueAsString(details));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "An audit entry's details must be JSON-able: " + e.getOriginalMessage(), e);
    }
    if (canonical.length() > MAX_DETAILS) {
      throw new IllegalArgumentException(
          "An audit entry's details are "
              + canonical.length()
              + " characters as JSON; keep them under "
              + MAX_DETAILS
              + " (store an id, not the document)");
    }
    return canonical;
  }

  private static void text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("An audit entry needs a " + field);
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(
          "An audit entry's " + field + " is longer than " + max + " characters");
    }
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "An audit entry's " + field + " cannot hold NUL characters");
    }
  }
}

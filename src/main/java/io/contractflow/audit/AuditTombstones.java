package io.contractflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contractflow.signature.SealSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit chains deleted with their contracts by retention (issue 21). A deleted chain leaves a
 * tombstone: its entry count, the hash of every entry (so an anchor taken before the deletion still
 * finds the head it holds), whether the chain verified, who confirmed the deletion and why, signed
 * with the platform's seal key so that whoever can write rows cannot make a truncation look like a
 * retention deletion. {@code AuditAnchors.verify} accounts for a tombstoned chain rather than
 * reporting it as truncated.
 */
@Service
public class AuditTombstones {

  static final String FORMAT = "contractflow-audit-tombstone/1";

  private final AuditEntries entries;
  private final JdbcTemplate jdbc;
  private final SealSignatures seal;
  private final ObjectMapper json;
  private final Clock clock;

  AuditTombstones(
      AuditEntries entries,
      JdbcTemplate jdbc,
      SealSignatures seal,
      ObjectMapper json,
      Clock clock) {
    this.entries = entries;
    this.jdbc = jdbc;
    this.seal = seal;
    this.json = json;
    this.clock = clock;
  }

  /** What was left of a chain: how many entries, the newest one's hash, whether it verified. */
  public record Tombstone(
      UUID contractId, int entries, String headHash, boolean chainIntact, Instant deletedAt) {}

  /**
   * Replaces the contract's chain by its tombstone, in the caller's transaction: the entries are
   * deleted, the tombstone written and signed. The contract row itself is the caller's to delete.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Tombstone retire(UUID contractId, String reference, String confirmedBy, String reason) {
    entries.lockContract(contractId);
    List<String> hashes = new ArrayList<>();
    ChainCheck check = new ChainCheck();
    entries.forEachInOrder(
        contractId,
        entry -> {
          check.accept(entry);
          hashes.add(entry.hash());
        });
    boolean intact = check.result().intact();
    String head = hashes.isEmpty() ? null : hashes.get(hashes.size() - 1);
    // micros, as the database keeps it, so the signed statement reads back the same
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    SealSignatures.Signed signed =
        seal.sign(statement(contractId, hashes.size(), head, confirmedBy, reason, now));
    String list;
    try {
      list = json.writeValueAsString(hashes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    jdbc.update(
        """
        insert into contractflow.audit_tombstone (contract_id, reference, entry_count, head_hash, hashes,
          chain_intact, confirmed_by, reason, deleted_at, algorithm, signature, certificate)
        values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
        on conflict (contract_id) do nothing
        """,
        contractId,
        reference,
        hashes.size(),
        head,
        list,
        intact,
        confirmedBy,
        reason,
        OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
        signed.algorithm(),
        signed.signature(),
        signed.certificate());
    jdbc.update("delete from contractflow.audit_entry where contract_id = ?", contractId);
    return new Tombstone(contractId, hashes.size(), head, intact, now);
  }

  /** A tombstone as read back for the anchor verification, its signature checked. */
  record Read(UUID contractId, List<String> hashes, boolean signatureHolds) {

    /** Whether the tombstoned chain held this entry (sequence number and hash). */
    boolean held(int seq, String hash) {
      return signatureHolds && seq >= 1 && seq <= hashes.size() && hashes.get(seq - 1).equals(hash);
    }
  }

  /** Every tombstone, by contract. */
  Map<UUID, Read> all() {
    Map<UUID, Read> found = new HashMap<>();
    jdbc.query(
        "select contract_id, entry_count, head_hash, hashes::text, confirmed_by, reason, deleted_at,"
            + " algorithm, signature, certificate from contractflow.audit_tombstone",
        rs -> {
          UUID contract = rs.getObject("contract_id", UUID.class);
          List<String> hashes;
          try {
            hashes = List.of(json.readValue(rs.getString("hashes"), String[].class));
          } catch (JsonProcessingException e) {
            hashes = List.of();
          }
          Instant at = rs.getObject("deleted_at", OffsetDateTime.class).toInstant();
          boolean holds =
              hashes.size() == rs.getInt("entry_count")
                  && seal.verify(
                      statement(
                          contract,
                          rs.getInt("entry_count"),
                          rs.getString("head_hash"),
                          rs.getString("confirmed_by"),
                          rs.getString("reason"),
                          at),
                      new SealSignatures.Signed(
                          rs.getString("algorithm"),
                          rs.getBytes("signature"),
                          rs.getBytes("certificate")));
          found.put(contract, new Read(contract, hashes, holds));
        });
    return found;
  }

  /** What the seal signs: the contract, the chain's length and head, who, why and when. */
  private static byte[] statement(
      UUID contractId, int count, String head, String by, String reason, Instant at) {
    return (FORMAT
            + "\n"
            + contractId
            + "\n"
            + count
            + "\n"
            + head
            + "\n"
            + by
            + "\n"
            + reason
            + "\n"
            + at.truncatedTo(ChronoUnit.MICROS))
        .getBytes(StandardCharsets.UTF_8);
  }
}

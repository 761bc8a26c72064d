package io.contractflow.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code audit_entry} table, through plain SQL: entries are only ever appended and read in
 * order, and the details column is {@code jsonb}, which needs no mapping layer. Runs in the
 * caller's transaction.
 */
@Repository
class AuditEntries {

  private static final String COLUMNS =
      "contract_id, seq, occurred_at, actor, kind, summary, details::text as details, prev_hash, hash, salt";

  private final JdbcTemplate jdbc;

  /** For reading a whole chain: fetches in batches rather than holding every row at once. */
  private final JdbcTemplate streaming;

  AuditEntries(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(500);
  }

  /**
   * Locks the contract's row until the transaction ends, so that appends to one chain happen one
   * after another.
   *
   * @return false if there is no such contract
   */
  boolean lockContract(UUID contractId) {
    return !jdbc.queryForList(
            "select id from contractflow.contract where id = ? for update", UUID.class, contractId)
        .isEmpty();
  }

  /** The newest entry's sequence number and hash, if the chain has any. */
  Optional<Link> last(UUID contractId) {
    return jdbc
        .query(
            "select seq, hash from contractflow.audit_entry where contract_id = ? order by seq desc limit 1",
            (rs, n) -> new Link(rs.getInt("seq"), rs.getString("hash")),
            contractId)
        .stream()
        .findFirst();
  }

  /** The end of a chain that the next entry links to. */
  record Link(int seq, String hash) {}

  void insert(
      UUID contractId,
      int seq,
      Instant occurredAt,
      String actor,
      String kind,
      String summary,
      String canonicalDetails,
      String prevHash,
      String hash,
      byte[] salt) {
    jdbc.update(
        "insert into contractflow.audit_entry"
            + " (id, contract_id, seq, occurred_at, actor, kind, summary, details, prev_hash, hash, salt)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)",
        UUID.randomUUID(),
        contractId,
        seq,
        OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC),
        actor,
        kind,
        summary,
        canonicalDetails,
        prevHash,
        hash,
        salt);
  }

  /** Every entry of the chain, oldest first, handed over one at a time. */
  void forEachInOrder(UUID contractId, Consumer<AuditEntry> action) {
    streaming.query(
        "select " + COLUMNS + " from contractflow.audit_entry where contract_id = ? order by seq",
        rs -> {
          action.accept(entry(rs));
        },
        contractId);
  }

  /** Every entry of every chain, chain by chain (by contract id), each oldest first. */
  void forEachOfAll(Consumer<AuditEntry> action) {
    streaming.query(
        "select " + COLUMNS + " from contractflow.audit_entry order by contract_id, seq",
        rs -> {
          action.accept(entry(rs));
        });
  }

  /** The newest entry of every chain: contract id, sequence number and hash, by contract id. */
  List<Head> heads() {
    return streaming.query(
        "select distinct on (contract_id) contract_id, seq, hash from contractflow.audit_entry"
            + " order by contract_id, seq desc",
        (rs, n) -> new Head(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)));
  }

  /** A chain's newest entry. */
  record Head(UUID contractId, int seq, String hash) {}

  /** One page of the chain, by sequence number. */
  List<AuditEntry> page(UUID contractId, boolean newestFirst, long offset, int limit) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from contractflow.audit_entry where contract_id = ? order by seq "
            + (newestFirst ? "desc" : "asc")
            + " limit ? offset ?",
        (rs, n) -> entry(rs),
        contractId,
        limit,
        offset);
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getObject("contract_id", UUID.class),
        rs.getInt("seq"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("kind"),
        rs.getString("summary"),
        rs.getString("details"),
        rs.getString("prev_hash"),
        rs.getString("hash"),
        rs.getBytes("salt"));
  }
}

package io.contractflow.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash that chains an audit entry to the one before it: SHA-256 over an encoding in which no
 * two different entries can look alike. Each field is written as its length in UTF-8 bytes (4
 * bytes, big-endian) followed by its UTF-8 bytes, in this order: the version tag {@value #VERSION},
 * the previous hash (lowercase hex; {@link #GENESIS} for the first entry), the contract id
 * (lowercase, hyphenated), the sequence number (decimal), the time (UTC, {@code
 * uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'}, always six fraction digits), the actor, the kind, the summary
 * and the details in {@link CanonicalJson canonical form}. The length prefixes keep field
 * boundaries unambiguous ({@code "ab","c"} never hashes like {@code "a","bc"}).
 *
 * <p>Version 2 ({@value #VERSION_2}, entries written since V35) puts the entry's random salt (32
 * bytes, lowercase hex) right after the version tag and hashes the rest alike; an entry with a salt
 * uses it, one without uses version 1. The salt makes the hash useless for confirming a guessed
 * name: once a person is erased, the salt goes with their text (see {@link AuditRedaction}).
 *
 * <p>The encodings must never change: entries already stored were hashed with them. A different one
 * needs a new version tag and a way to tell which entries use it.
 */
final class EntryHash {

  static final String VERSION = "contractflow-audit-v1";

  static final String VERSION_2 = "contractflow-audit-v2";

  /** The length of a version 2 entry's salt. */
  static final int SALT_BYTES = 32;

  /** The previous hash of a chain's first entry. */
  static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private EntryHash() {}

  /** The fields of one entry that its hash covers. */
  record Input(
      String prevHash,
      UUID contractId,
      int seq,
      Instant occurredAt,
      String actor,
      String kind,
      String summary,
      String canonicalDetails,
      byte[] salt) {

    /** A version 1 entry: no salt. */
    Input(
        String prevHash,
        UUID contractId,
        int seq,
        Instant occurredAt,
        String actor,
        String kind,
        String summary,
        String canonicalDetails) {
      this(prevHash, contractId, seq, occurredAt, actor, kind, summary, canonicalDetails, null);
    }
  }

  static String of(Input entry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + entry.canonicalDetails().length());
    if (entry.salt() == null) {
      field(out, VERSION);
    } else {
      field(out, VERSION_2);
      field(out, HexFormat.of().formatHex(entry.salt()));
    }
    field(out, entry.prevHash());
    field(out, entry.contractId().toString());
    field(out, Integer.toString(entry.seq()));
    field(out, time(entry.occurredAt()));
    field(out, entry.actor());
    field(out, entry.kind());
    field(out, entry.summary());
    field(out, entry.canonicalDetails());
    return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
  }

  /**
   * The time as the hash sees it; finer than microseconds is not kept (PostgreSQL stores
   * microseconds).
   */
  static String time(Instant at) {
    return TIME.format(at);
  }

  private static void field(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }
}

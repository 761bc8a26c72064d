package io.contractflow.signature.vendor.rightsignature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unguessable token at the end of each signing request's callback URL ({@code 256} random bits,
 * base64url). Only its SHA-256 is stored, with the envelope it names, in the transaction that
 * records the send: a callback is believed to be about that envelope only, and only once the send
 * has committed.
 */
class CallbackTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String provider;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  CallbackTokens(String provider, JdbcTemplate jdbc, Clock clock) {
    this.provider = provider;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A new token; nothing is stored until {@link #bind}. */
  String issue() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Stores the token's hash for the envelope, in the caller's transaction (the send's). */
  @Transactional(propagation = Propagation.REQUIRED)
  public void bind(String token, UUID requestId, String envelopeId) {
    jdbc.update(
        "insert into contractflow.esign_callback_token (token_sha256, provider, request_id, envelope_id,"
            + " created_at) values (?, ?, ?, ?, ?)",
        sha256(token),
        provider,
        requestId,
        envelopeId,
        Timestamp.from(clock.instant()));
  }

  /**
   * The envelope a token was issued for has a new id (RightSignature named the document of a
   * sending request).
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void rename(String envelopeId, String newEnvelopeId) {
    jdbc.update(
        "update contractflow.esign_callback_token set envelope_id = ? where provider = ? and envelope_id = ?",
        newEnvelopeId,
        provider,
        envelopeId);
  }

  /**
   * The envelope the token was issued for; empty for a token that was never issued (or not
   * committed).
   */
  @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
  public Optional<String> envelope(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    byte[] hash = sha256(token);
    List<Row> rows =
        jdbc.query(
            "select token_sha256, envelope_id from contractflow.esign_callback_token"
                + " where provider = ? and token_sha256 = ?",
            (rs, i) -> new Row(rs.getBytes(1), rs.getString(2)),
            provider,
            hash);
    // the lookup is by hash, so its timing says nothing about the token; the comparison is
    // constant-time anyway
    return rows.stream()
        .filter(r -> MessageDigest.isEqual(hash, r.hash()))
        .map(Row::envelopeId)
        .findFirst();
  }

  private record Row(byte[] hash, String envelopeId) {}

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

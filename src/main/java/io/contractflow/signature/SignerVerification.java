package io.contractflow.signature;

import io.contractflow.platform.error.DomainException;
import io.contractflow.platform.error.NotPermittedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A built-in signer proves control of the invited address before they may read the document, sign
 * or decline: they ask for a one-time code on their page, it is mailed to that address, and they
 * enter it.
 *
 * <ul>
 *   <li>A code is {@code code-length} random digits ({@link SecureRandom}); only its SHA-256, taken
 *       together with the link's token, is stored, so it works with that link only and a copy of
 *       the database cannot be tried offline without the token. A signer has one code at a time:
 *       asking again replaces it.
 *   <li>It works for {@code code-validity} (10 minutes) and for {@code max-attempts} (5) wrong
 *       entries, after which it is void and a new one must be requested.
 *   <li>Asking for codes is limited per signer: one per {@code resend-interval} (60 s) and {@code
 *       max-codes-per-hour} (5) within any hour; beyond that 429 with {@code Retry-After}. The
 *       limit is counted from the signer's recorded events in the database under the signing
 *       request's row lock, not in a node's memory (Bucket4j's in-memory buckets), so two nodes
 *       behind a load balancer still allow five codes an hour, not ten.
 *   <li>The right code opens a verified session: a random secret (sent back as a cookie and in the
 *       API's answer) whose SHA-256 is stored bound to the signer and the link's token, valid for
 *       {@code session-validity}. A new link voids it.
 * </ul>
 *
 * Every step is an event of the signer ({@code signing_signer_event}): codes sent, wrong, voided,
 * the verification, links sent again. They make the signing request's audit trail and the
 * certificate of completion's "address verified by one-time code at" line. Each method joins the
 * caller's transaction, which holds the request's lock.
 */
@Service
class SignerVerification {

  /** The header an API client sends its verified session in. */
  static final String SESSION_HEADER = "X-Signer-Session";

  /** The cookie a browser keeps its verified session in, followed by a part of the link's hash. */
  static final String COOKIE_PREFIX = "cf_signer_";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern DIGITS = Pattern.compile("\\d{6,10}");
  private static final Duration HOUR = Duration.ofHours(1);

  private final JdbcTemplate jdbc;
  private final SignerInvitations invitations;
  private final SigningProperties properties;
  private final Clock clock;

  SignerVerification(
      JdbcTemplate jdbc, SignerInvitations invitations, SigningProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.invitations = invitations;
    this.properties = properties;
    this.clock = clock;
  }

  /** Where a code went, masked, and until when it works. */
  record CodeSent(String sentTo, Instant expiresAt) {}

  /** A verified session: its secret (the signer's alone) and until when it works. */
  record Session(String secret, Instant verifiedAt, Instant expiresAt) {

    @Override
    public String toString() {
      return "Session[verifiedAt=" + verifiedAt + ", expiresAt=" + expiresAt + "]";
    }
  }

  /**
   * The outcome of entering a code: a session, or why not (the caller throws it after its
   * transaction commits).
   */
  record Outcome(Session session, DomainException refusal) {}

  /** One recorded event of a signer. */
  record Event(UUID signerId, Instant at, String kind, String actor, String detail) {}

  /** The name of the cookie that holds a verified session for this link. */
  static String cookieName(String token) {
    return COOKIE_PREFIX + SigningTokens.hash(token).substring(0, 16);
  }

  /**
   * Issues a new code for the signer of this link (replacing any other), mails it, or 429 if asked
   * too often.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  CodeSent issue(SigningRequest request, Signer signer, String token) {
    SigningProperties.Verification settings = properties.verification();
    Instant now = clock.instant();
    List<Instant> lastHour =
        jdbc.query(
            "select at from contractflow.signing_signer_event where signer_id = ?"
                + " and kind = ? and at > ? order by at",
            (rs, i) -> rs.getTimestamp(1).toInstant(),
            signer.getId(),
            SignerEventKind.CODE_SENT.name(),
            Timestamp.from(now.minus(HOUR)));
    if (!lastHour.isEmpty()) {
      Instant next = lastHour.get(lastHour.size() - 1).plus(settings.resendInterval());
      if (next.isAfter(now)) {
        throw new SignerCodeRateLimited(
            Duration.between(now, next),
            "A code was sent a moment ago; you can ask for"
                + " another in "
                + seconds(Duration.between(now, next))
                + " seconds");
      }
    }
    if (lastHour.size() >= settings.maxCodesPerHour()) {
      Instant next = lastHour.get(lastHour.size() - settings.maxCodesPerHour()).plus(HOUR);
      throw new SignerCodeRateLimited(
          Duration.between(now, next),
          "You asked for "
              + settings.maxCodesPerHour()
              + " codes within the hour; you can ask for another in "
              + seconds(Duration.between(now, next))
              + " seconds");
    }
    String code = newCode(settings.codeLength());
    Instant expiresAt = now.plus(settings.codeValidity());
    jdbc.update(
        """
        insert into contractflow.signing_signer_code (signer_id, code_sha256, issued_at, expires_at, failed_attempts)
        values (?, ?, ?, ?, 0)
        on conflict (signer_id) do update set code_sha256 = excluded.code_sha256, issued_at = excluded.issued_at,
            expires_at = excluded.expires_at, failed_attempts = 0""",
        signer.getId(),
        codeHash(token, code),
        Timestamp.from(now),
        Timestamp.from(expiresAt));
    record(
        signer.getId(),
        now,
        SignerEventKind.CODE_SENT,
        signer.getEmail(),
        "to "
            + signer.getEmail()
            + ", valid until "
            + CompletionCertificate.UTC_TIME.format(expiresAt));
    invitations.sendCode(
        new SignerInvitations.Code(
            UUID.randomUUID(),
            request.getId(),
            signer.getId(),
            request.getContractId(),
            request.getContractReference(),
            request.getContractTitle(),
            signer.getName(),
            signer.getEmail(),
            code,
            expiresAt));
    return new CodeSent(mask(signer.getEmail()), expiresAt);
  }

  /**
   * Checks an entered code. A wrong one counts against the code (and voids it at the last try), so
   * the caller lets its transaction commit and throws the refusal afterwards.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Outcome check(Signer signer, String token, String entered) {
    SigningProperties.Verification settings = properties.verification();
    Instant now = clock.instant();
    record Current(String hash, Instant expiresAt, int failed) {}
    Optional<Current> current =
        jdbc
            .query(
                "select code_sha256, expires_at, failed_attempts"
                    + " from contractflow.signing_signer_code where signer_id = ? for update",
                (rs, i) ->
                    new Current(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)),
                signer.getId())
            .stream()
            .findFirst();
    if (current.isEmpty()) {
      return refused(
          "code-missing",
          "No code is waiting for you: ask for a code first (a code is void after "
              + settings.maxAttempts()
              + " wrong entries, once used, and when a new link is sent)");
    }
    if (!current.get().expiresAt().isAfter(now)) {
      deleteCode(signer.getId());
      record(signer.getId(), now, SignerEventKind.CODE_VOIDED, signer.getEmail(), "expired");
      return refused(
          "code-expired",
          "The code expired at "
              + CompletionCertificate.UTC_TIME.format(current.get().expiresAt())
              + ": ask for a new one");
    }
    String normalised = entered == null ? "" : entered.replaceAll("[\\s-]", "");
    boolean right =
        DIGITS.matcher(normalised).matches()
            && MessageDigest.isEqual(
                current.get().hash().getBytes(StandardCharsets.US_ASCII),
                codeHash(token, normalised).getBytes(StandardCharsets.US_ASCII));
    if (!right) {
      int failed = current.get().failed() + 1;
      record(
          signer.getId(),
          now,
          SignerEventKind.CODE_WRONG,
          signer.getEmail(),
          "wrong code entered (" + failed + " of " + settings.maxAttempts() + ")");
      if (failed >= settings.maxAttempts()) {
        deleteCode(signer.getId());
        record(
            signer.getId(),
            now,
            SignerEventKind.CODE_VOIDED,
            signer.getEmail(),
            "after " + failed + " wrong entries");
        return refused(
            "code-void",
            "That code was wrong " + failed + " times, so it is void now: ask for a new one");
      }
      jdbc.update(
          "update contractflow.signing_signer_code set failed_attempts = ? where signer_id = ?",
          failed,
          signer.getId());
      int left = settings.maxAttempts() - failed;
      return refused(
          "code-wrong", "The code is wrong: " + left + (left == 1 ? " try" : " tries") + " left");
    }
    deleteCode(signer.getId());
    String secret = SigningTokens.newToken();
    Instant expiresAt = now.plus(settings.sessionValidity());
    jdbc.update(
        """
        insert into contractflow.signing_signer_session (secret_sha256, signer_id, token_sha256, verified_at, expires_at)
        values (?, ?, ?, ?, ?)""",
        SigningTokens.hash(secret),
        signer.getId(),
        SigningTokens.hash(token),
        Timestamp.from(now),
        Timestamp.from(expiresAt));
    record(
        signer.getId(),
        now,
        SignerEventKind.VERIFIED,
        signer.getEmail(),
        "address " + signer.getEmail() + " verified by one-time code");
    return new Outcome(new Session(secret, now, expiresAt), null);
  }

  /** Whether this session is a verified one for this signer's link, now. */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean isVerified(Signer signer, String token, String session) {
    if (!SigningTokens.wellFormed(session)) {
      return false;
    }
    Integer found =
        jdbc.queryForObject(
            "select count(*) from contractflow.signing_signer_session"
                + " where secret_sha256 = ? and signer_id = ? and token_sha256 = ? and expires_at > ?",
            Integer.class,
            SigningTokens.hash(session),
            signer.getId(),
            SigningTokens.hash(token),
            Timestamp.from(clock.instant()));
    return found != null && found > 0;
  }

  /** 403 unless this session is a verified one for this signer's link. */
  @Transactional(propagation = Propagation.MANDATORY)
  void requireVerified(Signer signer, String token, String session) {
    if (!isVerified(signer, token, session)) {
      throw new NotPermittedException(
          "verification-required",
          "Confirm your e-mail address first: ask"
              + " for a one-time code on your signing page (or POST /api/signing/{token}/code) and enter it");
    }
  }

  /** A new link was sent: the signer's code and verified sessions go with the old one. */
  @Transactional(propagation = Propagation.MANDATORY)
  void linkReissued(Signer signer, String actor) {
    deleteCode(signer.getId());
    jdbc.update(
        "delete from contractflow.signing_signer_session where signer_id = ?", signer.getId());
    record(
        signer.getId(),
        clock.instant(),
        SignerEventKind.LINK_REISSUED,
        actor,
        "a new link was sent to "
            + signer.getEmail()
            + "; the old link, its code and sessions no longer work");
  }

  /** The signers' events, oldest first. */
  List<Event> events(Collection<UUID> signerIds) {
    if (signerIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        "select signer_id, at, kind, actor, detail from contractflow.signing_signer_event"
            + " where signer_id = any (?) order by at, kind",
        (rs, i) ->
            new Event(
                rs.getObject(1, UUID.class),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)),
        (Object) signerIds.toArray(UUID[]::new));
  }

  /** When the signer last verified their address at or before {@code until}, if ever. */
  static Optional<Instant> verifiedAt(List<Event> events, UUID signerId, Instant until) {
    return events.stream()
        .filter(
            e -> e.signerId().equals(signerId) && e.kind().equals(SignerEventKind.VERIFIED.name()))
        .map(Event::at)
        .filter(at -> until == null || !at.isAfter(until))
        .reduce((a, b) -> b);
  }

  /** {@code j***@example.com}: enough to recognise one's address, not to learn it. */
  static String mask(String email) {
    int at = email.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at);
  }

  static String newCode(int digits) {
    long bound = (long) Math.pow(10, digits);
    return String.format("%0" + digits + "d", RANDOM.nextLong(bound));
  }

  private static String codeHash(String token, String code) {
    return SigningHashes.sha256(
        ("signing-code:" + token + ":" + code).getBytes(StandardCharsets.US_ASCII));
  }

  private void deleteCode(UUID signerId) {
    jdbc.update("delete from contractflow.signing_signer_code where signer_id = ?", signerId);
  }

  private void record(
      UUID signerId, Instant at, SignerEventKind kind, String actor, String detail) {
    jdbc.update(
        "insert into contractflow.signing_signer_event (id, signer_id, at, kind, actor, detail)"
            + " values (?, ?, ?, ?, ?, ?)",
        UUID.randomUUID(),
        signerId,
        Timestamp.from(at),
        kind.name(),
        SigningService.truncate(actor, 254),
        SigningService.truncate(detail, 500));
  }

  private static NotPermittedException refusedException(String problem, String detail) {
    return new NotPermittedException(problem, detail);
  }

  private static Outcome refused(String problem, String detail) {
    return new Outcome(null, refusedException(problem, detail));
  }

  private static long seconds(Duration duration) {
    return Math.max(1, duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0));
  }
}

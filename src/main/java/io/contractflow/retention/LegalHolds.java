package io.contractflow.retention;

import io.contractflow.audit.AuditKinds;
import io.contractflow.audit.AuditTrail;
import io.contractflow.contract.ContractGuard;
import io.contractflow.contract.ContractResponse;
import io.contractflow.identity.CurrentUser;
import io.contractflow.identity.Role;
import io.contractflow.platform.error.ConflictException;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.platform.error.NotPermittedException;
import io.contractflow.security.SecurityLog;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds: a contract admin (any contract), or a legal reviewer (a contract they may read),
 * places a hold with a reason and lifts it with a reason. While held, a contract is never listed
 * for deletion by retention nor deleted (checked again when its deletion runs), and a person's
 * erasure keeps its documents. Both are recorded in the contract's trail and the security log.
 */
@Service
public class LegalHolds {

  static final int MAX_REASON = 1000;

  private final ContractGuard contracts;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final SecurityLog securityLog;
  private final Clock clock;

  LegalHolds(
      ContractGuard contracts,
      AuditTrail audit,
      JdbcTemplate jdbc,
      SecurityLog securityLog,
      Clock clock) {
    this.contracts = contracts;
    this.audit = audit;
    this.jdbc = jdbc;
    this.securityLog = securityLog;
    this.clock = clock;
  }

  /**
   * Places a hold: 404 if the caller may not read the contract, 403 if not theirs to place, 409 if
   * held already. (The contract's view shows it once this transaction committed.)
   */
  @Transactional
  public void place(CurrentUser user, UUID contractId, String reason) {
    String why = reason(reason);
    ContractResponse contract = mayHold(user, contractId);
    int placed =
        jdbc.update(
            "update contractflow.contract set legal_hold_reason = ?, legal_hold_placed_by = ?,"
                + " legal_hold_placed_at = ? where id = ? and legal_hold_placed_at is null",
            why,
            user.username(),
            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
            contractId);
    if (placed == 0) {
      throw new ConflictException(
          "legal-hold-exists", "The contract is already under legal hold; lift it first");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reason", why);
    audit.record(
        contractId,
        user.username(),
        AuditKinds.LEGAL_HOLD_PLACED,
        user.username() + " placed a legal hold on " + contract.reference(),
        details);
    securityLog.retention(
        "legal-hold-placed",
        user.username(),
        Map.of("contract", contractId.toString(), "reference", contract.reference()));
  }

  /** Lifts the hold: 409 if there is none. */
  @Transactional
  public void lift(CurrentUser user, UUID contractId, String reason) {
    String why = reason(reason);
    ContractResponse contract = mayHold(user, contractId);
    if (contract.legalHold() == null) {
      throw new ConflictException("legal-hold-missing", "The contract is not under legal hold");
    }
    jdbc.update(
        "update contractflow.contract set legal_hold_reason = null, legal_hold_placed_by = null,"
            + " legal_hold_placed_at = null where id = ?",
        contractId);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reason", why);
    details.put("heldSince", contract.legalHold().placedAt());
    details.put("placedBy", contract.legalHold().placedBy());
    audit.record(
        contractId,
        user.username(),
        AuditKinds.LEGAL_HOLD_LIFTED,
        user.username() + " lifted the legal hold on " + contract.reference(),
        details);
    securityLog.retention(
        "legal-hold-lifted",
        user.username(),
        Map.of("contract", contractId.toString(), "reference", contract.reference()));
  }

  /** The references of the held ones among these contracts. */
  @Transactional(readOnly = true)
  public List<String> heldAmong(Collection<UUID> contractIds) {
    if (contractIds.isEmpty()) {
      return List.of();
    }
    return jdbc.queryForList(
        "select reference from contractflow.contract where id = any (?)"
            + " and legal_hold_placed_at is not null order by reference",
        String.class,
        (Object) contractIds.toArray(UUID[]::new));
  }

  private ContractResponse mayHold(CurrentUser user, UUID contractId) {
    ContractResponse contract = contracts.view(user, contractId);
    if (!(user.isAdmin() || (user.has(Role.LEGAL_REVIEWER) && !user.isReadOnly()))) {
      throw new NotPermittedException(
          "Only contract admins and legal reviewers place or lift legal holds");
    }
    return contract;
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw InvalidInputException.field("reason", "say why (the matter, the request)");
    }
    if (reason.strip().length() > MAX_REASON) {
      throw InvalidInputException.field("reason", "must be at most " + MAX_REASON + " characters");
    }
    return reason.strip();
  }
}

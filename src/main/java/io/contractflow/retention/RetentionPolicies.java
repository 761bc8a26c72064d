package io.contractflow.retention;

import io.contractflow.contract.ContractType;
import io.contractflow.platform.error.FieldError;
import io.contractflow.platform.error.InvalidInputException;
import io.contractflow.security.SecurityLog;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many months a contract is kept after it expired or was terminated: a default, and a number
 * per contract type that overrides it. Stored in {@code retention_policy} (the default under the
 * key {@value #DEFAULT}); a change is recorded in the security log with the old and new months.
 */
@Service
public class RetentionPolicies {

  static final String DEFAULT = "DEFAULT";
  static final int MIN_MONTHS = 1;
  static final int MAX_MONTHS = 1200;

  private final JdbcTemplate jdbc;
  private final SecurityLog securityLog;
  private final Clock clock;

  RetentionPolicies(JdbcTemplate jdbc, SecurityLog securityLog, Clock clock) {
    this.jdbc = jdbc;
    this.securityLog = securityLog;
    this.clock = clock;
  }

  /**
   * The policies: the default months, the months of each type that has its own, and each type's
   * months in effect.
   */
  public record Policies(
      int defaultMonths,
      Map<ContractType, Integer> types,
      Map<ContractType, Integer> effective,
      String updatedBy,
      Instant updatedAt) {

    public int monthsFor(ContractType type) {
      return types.getOrDefault(type, defaultMonths);
    }
  }

  /** What an admin sends: the default and the types with their own months (others: default). */
  public record Change(Integer defaultMonths, Map<String, Integer> types) {}

  @Transactional(readOnly = true)
  public Policies current() {
    Map<ContractType, Integer> types = new EnumMap<>(ContractType.class);
    int[] defaultMonths = {120};
    String[] updatedBy = {null};
    Instant[] updatedAt = {null};
    jdbc.query(
        "select contract_type, keep_months, updated_by, updated_at from contractflow.retention_policy",
        rs -> {
          String type = rs.getString("contract_type");
          Instant at = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
          if (updatedAt[0] == null || at.isAfter(updatedAt[0])) {
            updatedAt[0] = at;
            updatedBy[0] = rs.getString("updated_by");
          }
          if (DEFAULT.equals(type)) {
            defaultMonths[0] = rs.getInt("keep_months");
          } else {
            try {
              types.put(ContractType.valueOf(type), rs.getInt("keep_months"));
            } catch (IllegalArgumentException retiredType) {
              // a type no longer offered keeps its row but no contract can have it
            }
          }
        });
    Map<ContractType, Integer> effective = new EnumMap<>(ContractType.class);
    for (ContractType type : ContractType.values()) {
      effective.put(type, types.getOrDefault(type, defaultMonths[0]));
    }
    return new Policies(defaultMonths[0], types, effective, updatedBy[0], updatedAt[0]);
  }

  /**
   * Replaces the policies: the default, and exactly the types given keep their own months (a type
   * left out keeps the default). Every field at fault is named in one 400.
   */
  @Transactional
  public Policies replace(Change change, String by) {
    List<FieldError> errors = new ArrayList<>();
    if (change == null || change.defaultMonths() == null) {
      errors.add(new FieldError("defaultMonths", "is required"));
    } else if (!inRange(change.defaultMonths())) {
      errors.add(new FieldError("defaultMonths", range()));
    }
    Map<ContractType, Integer> types = new LinkedHashMap<>();
    if (change != null && change.types() != null) {
      change
          .types()
          .forEach(
              (name, months) -> {
                ContractType type = typeOf(name);
                if (type == null) {
                  errors.add(
                      new FieldError(
                          "types." + name,
                          "is no contract type (one of " + List.of(ContractType.values()) + ")"));
                } else if (months == null || !inRange(months)) {
                  errors.add(new FieldError("types." + name, range()));
                } else {
                  types.put(type, months);
                }
              });
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Policies before = current();
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    jdbc.update("delete from contractflow.retention_policy");
    jdbc.update(
        "insert into contractflow.retention_policy (contract_type, keep_months, updated_by, updated_at)"
            + " values (?, ?, ?, ?)",
        DEFAULT,
        change.defaultMonths(),
        by,
        now);
    types.forEach(
        (type, months) ->
            jdbc.update(
                "insert into contractflow.retention_policy (contract_type, keep_months, updated_by,"
                    + " updated_at) values (?, ?, ?, ?)",
                type.name(),
                months,
                by,
                now));
    Policies after = current();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("retention.before", describe(before));
    facts.put("retention.after", describe(after));
    securityLog.retention("retention-policy-changed", by, facts);
    return after;
  }

  private static String describe(Policies policies) {
    StringBuilder text = new StringBuilder("default=" + policies.defaultMonths());
    policies
        .types()
        .forEach((type, months) -> text.append(' ').append(type).append('=').append(months));
    return text.toString();
  }

  private static ContractType typeOf(String name) {
    try {
      return name == null ? null : ContractType.valueOf(name);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static boolean inRange(int months) {
    return months >= MIN_MONTHS && months <= MAX_MONTHS;
  }

  private static String range() {
    return "must be a number of months from " + MIN_MONTHS + " to " + MAX_MONTHS;
  }
}

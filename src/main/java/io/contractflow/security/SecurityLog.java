package io.contractflow.security;

import io.contractflow.platform.privacy.Masked;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The security log: sign-ins, wrong passwords, throttled sources, rate limits, changes to users,
 * groups, memberships and authorizations, and exports, as structured events on the logger {@value
 * #LOGGER}. Each event carries ECS-style key-value fields ({@code event.action}, {@code
 * event.category}, {@code event.outcome}, {@code user.name}, {@code source.ip}, ...), which the
 * JSON log formats ({@code logging.structured.format.*: ecs}) write as fields; the plain console
 * shows the same fields in the message. Passwords and other secrets are never logged. Events of
 * INFO and above are also kept in the database for export ({@link SecurityEvents}).
 */
@Component
public class SecurityLog {

  public static final String LOGGER = "contractflow.security";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  /** Where events of INFO and above are also kept for export; none in unit tests. */
  private final SecurityEvents events;

  public SecurityLog() {
    this(null);
  }

  @Autowired
  public SecurityLog(SecurityEvents events) {
    this.events = events;
  }

  /**
   * A password check that succeeded; {@code afterFailures} wrong ones from the same source came
   * before it.
   */
  public void loginSucceeded(
      String user, String sourceIp, String surface, int afterFailures, boolean interactive) {
    Map<String, Object> fields = fields("login", "authentication", "success", user, sourceIp);
    fields.put("contractflow.surface", surface);
    if (afterFailures > 0) {
      fields.put("contractflow.failures_before", afterFailures);
    }
    // HTTP Basic signs in on every API call: those are debug, unless they end a run of failures
    write(interactive || afterFailures > 0 ? Level.INFO : Level.DEBUG, "login succeeded", fields);
  }

  /**
   * A wrong password (or unknown user); {@code failures} in a row from this source for this
   * account.
   */
  public void loginFailed(String user, String sourceIp, String surface, int failures) {
    Map<String, Object> fields = fields("login", "authentication", "failure", user, sourceIp);
    fields.put("contractflow.surface", surface);
    fields.put("contractflow.failures", failures);
    write(Level.INFO, "login failed", fields);
  }

  /** An account is blocked for one source address after too many wrong passwords from there. */
  public void loginThrottled(
      String user, String sourceIp, String surface, int failures, Duration delay) {
    Map<String, Object> fields =
        fields("login-throttled", "authentication", "failure", user, sourceIp);
    fields.put("contractflow.surface", surface);
    fields.put("contractflow.failures", failures);
    fields.put("contractflow.blocked_seconds", seconds(delay));
    write(Level.WARN, "login throttled for this source", fields);
  }

  /**
   * An attempt refused unchecked while its account and source are blocked, or the source is over
   * its budget.
   */
  public void loginRefused(String user, String sourceIp, String surface, Duration retryAfter) {
    Map<String, Object> fields =
        fields("login-refused", "authentication", "failure", user, sourceIp);
    fields.put("contractflow.surface", surface);
    fields.put("contractflow.retry_after_seconds", seconds(retryAfter));
    write(Level.DEBUG, "login refused while throttled", fields);
  }

  /**
   * A budget ran out: {@code scope} is what was limited (api, failed-logins), {@code key} whose
   * budget.
   */
  public void rateLimited(String scope, String key, String sourceIp, Duration retryAfter) {
    Map<String, Object> fields = fields("rate-limited", "network", "failure", null, sourceIp);
    fields.put("contractflow.limit", scope);
    fields.put("contractflow.limit_key", key);
    fields.put("contractflow.retry_after_seconds", seconds(retryAfter));
    write(Level.WARN, "rate limit reached", fields);
  }

  /**
   * A change to who may do what: users, groups, memberships, tenants and authorizations ({@code
   * entity}), by {@code actor}, with what was changed ({@code changes}: property → new value).
   */
  public void identityChanged(
      String actor, String operation, String entity, Map<String, String> changes) {
    Map<String, Object> fields =
        fields(
            "identity-" + operation.toLowerCase(java.util.Locale.ROOT),
            "iam",
            "success",
            actor,
            null);
    fields.put("event.type", "change");
    fields.put("contractflow.entity", entity);
    changes.forEach(
        (property, value) ->
            fields.put("contractflow.change." + property, masked(property, value)));
    write(Level.INFO, entity + " " + operation.toLowerCase(java.util.Locale.ROOT), fields);
  }

  /**
   * A personal access token (a calendar feed's link, ...) issued or revoked ({@code operation}:
   * {@code created}, {@code revoked}) by its owner {@code user}; {@code kind} names the token's
   * use, {@code tokenId} the token (never its secret).
   */
  public void accessTokenChanged(
      String user, String sourceIp, String kind, String operation, String tokenId) {
    Map<String, Object> fields =
        fields(kind + "-token-" + operation, "iam", "success", user, sourceIp);
    fields.put("event.type", operation.equals("created") ? "creation" : "deletion");
    fields.put("contractflow.token_id", tokenId);
    write(Level.INFO, kind + " token " + operation, fields);
  }

  /** Data taken out of the platform in bulk (an export, a report), by {@code user}. */
  public void exported(String user, String sourceIp, String what, String scope) {
    Map<String, Object> fields = fields("export", "file", "success", user, sourceIp);
    fields.put("contractflow.export", what);
    fields.put("contractflow.export_scope", scope);
    write(Level.INFO, "export", fields);
  }

  /**
   * Models deployed to the engine by {@code user} (null: the platform itself at start-up): the
   * deployment and how many of its resources changed.
   */
  public void modelsDeployed(String user, String deploymentId, String name, int changed) {
    Map<String, Object> fields = fields("model-deployed", "configuration", "success", user, null);
    fields.put("event.type", "change");
    fields.put("contractflow.deployment_id", deploymentId);
    if (name != null) {
      fields.put("contractflow.deployment_name", printable(name));
    }
    fields.put("contractflow.resources_changed", changed);
    write(Level.INFO, "models deployed", fields);
  }

  /**
   * A data subject's request carried out (issue 21): {@code action} is {@code privacy-export} or
   * {@code privacy-erasure}. The person is named only by the request's id and the SHA-256 of what
   * identified them, never by name or address.
   */
  public void privacyRequest(
      String action, String user, String sourceIp, String requestId, String subjectSha256) {
    Map<String, Object> fields = fields(action, "iam", "success", user, sourceIp);
    fields.put("contractflow.privacy_request", requestId);
    fields.put("contractflow.subject_sha256", subjectSha256);
    write(Level.INFO, action, fields);
  }

  /**
   * A compliance change or action of retention (issue 21): a retention policy changed, a legal hold
   * placed or lifted, a run's decision, a contract deleted by retention. {@code facts} are ids,
   * references, counts and dates only (never a title or a person's name); keys are prefixed {@code
   * contractflow.}.
   */
  public void retention(String action, String user, Map<String, ?> facts) {
    Map<String, Object> fields = fields(action, "configuration", "success", user, null);
    facts.forEach((key, value) -> fields.put("contractflow." + key, value));
    write(Level.INFO, action, fields);
  }

  /** Names and addresses in identity changes are not logged (docs/privacy.md, "Logs"). */
  private static String masked(String property, String value) {
    String lower = property.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("email")) {
      return Masked.email(value);
    }
    if (lower.contains("name") && !lower.equals("username") && !lower.contains("group")) {
      return value == null || value.isEmpty() ? value : "***";
    }
    return value;
  }

  private static Map<String, Object> fields(
      String action, String category, String outcome, String user, String ip) {
    Map<String, Object> fields = new TreeMap<>();
    fields.put("event.action", action);
    fields.put("event.category", category);
    fields.put("event.outcome", outcome);
    if (user != null) {
      fields.put("user.name", printable(user));
    }
    if (ip != null) {
      fields.put("source.ip", ip);
    }
    return fields;
  }

  private void write(Level level, String message, Map<String, Object> fields) {
    if (events != null && level.toInt() >= Level.INFO.toInt()) {
      events.add(level.name(), message, fields);
    }
    if (!log.isEnabledForLevel(level)) {
      return;
    }
    LoggingEventBuilder event = log.atLevel(level);
    StringBuilder text = new StringBuilder(message);
    fields.forEach(
        (key, value) -> {
          event.addKeyValue(key, value);
          text.append(' ').append(key).append('=').append(value);
        });
    event.log(text.toString());
  }

  /**
   * A user name as typed by anyone: no line breaks or control characters in the log, and not too
   * long.
   */
  static String printable(String value) {
    String clean =
        value
            .codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return clean.length() > 128 ? clean.substring(0, 128) + "…" : clean;
  }

  private static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }
}

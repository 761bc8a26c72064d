package io.contractflow.notification;

import io.contractflow.platform.outbox.RetryPolicy;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications are written and delivered.
 *
 * @param enabled whether events write mail at all
 * @param platformName the name mails are signed with
 * @param from the sender address
 * @param baseUrl where recipients reach the platform: links to Tasklist and the contract start here
 * @param delivery {@code smtp} (the SMTP server of {@code spring.mail.*}) or {@code inbox} (nothing
 *     leaves the platform; each user reads their mail at {@code GET /api/notifications/mail}: the
 *     embedded default)
 * @param maxAttempts attempts before a mail (or the writing of an event's mails) is given up (and
 *     left in the outbox, marked failed)
 * @param firstRetry the wait after the first failure; it doubles with each attempt up to {@code
 *     maxRetryDelay}
 * @param renewalReminders how long before a contract's notice deadline its owner is reminded (each
 *     once)
 * @param digestTime when the daily digest goes out, in {@code digestZone}
 * @param digestZone the time zone of {@code digestTime} (and of the day a digest belongs to)
 * @param retention how long sent mail and handled events stay before they are deleted
 * @param housekeepingInterval how often the renewal scan, the digests and the retention run
 */
@ConfigurationProperties("contractflow.notifications")
public record MailProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("ContractFlow") String platformName,
    @DefaultValue("ContractFlow <contractflow@localhost>") String from,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("inbox") Delivery delivery,
    @DefaultValue("12") int maxAttempts,
    @DefaultValue("5s") Duration firstRetry,
    @DefaultValue("30m") Duration maxRetryDelay,
    @DefaultValue("P90D,P30D,P7D") List<Duration> renewalReminders,
    @DefaultValue("08:00") LocalTime digestTime,
    @DefaultValue("UTC") ZoneId digestZone,
    @DefaultValue("P90D") Duration retention,
    @DefaultValue("1m") Duration housekeepingInterval) {

  public MailProperties {
    if (renewalReminders == null) {
      renewalReminders = List.of();
    }
    for (Duration lead : renewalReminders) {
      if (lead.isNegative() || lead.isZero()) {
        throw new IllegalArgumentException(
            "contractflow.notifications.renewal-reminders: "
                + lead
                + " is not a positive lead time");
      }
    }
    renewalReminders =
        renewalReminders.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("contractflow.notifications.retention must be positive");
    }
  }

  /** Where mail goes. */
  public enum Delivery {
    SMTP,
    INBOX
  }

  /** How mail and the writing of an event's mails are tried again in the outbox. */
  RetryPolicy retryPolicy() {
    return new RetryPolicy(firstRetry, maxRetryDelay, maxAttempts);
  }

  /** The platform's address without a trailing slash. */
  String base() {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}

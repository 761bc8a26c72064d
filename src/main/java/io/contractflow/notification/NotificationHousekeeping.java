package io.contractflow.notification;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code contractflow.notifications.housekeeping-interval} (from start-up, on every node):
 * the renewal reminders, the daily digests and the retention, each safe to run on several nodes at
 * once. One failing does not keep the others from running.
 */
@Component
class NotificationHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(NotificationHousekeeping.class);

  private final RenewalReminders reminders;
  private final DailyDigest digests;
  private final MailRetention retention;
  private final Clock clock;

  NotificationHousekeeping(
      RenewalReminders reminders, DailyDigest digests, MailRetention retention, Clock clock) {
    this.reminders = reminders;
    this.digests = digests;
    this.retention = retention;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${contractflow.notifications.housekeeping-interval:1m}")
  void run() {
    step("renewal reminders", () -> reminders.scan(clock.instant()));
    step("daily digests", () -> digests.sendDue(clock.instant()));
    step("retention", () -> retention.purge(clock.instant(), MailRetention.BATCH));
  }

  private static void step(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      log.warn("Mail {} failed: {}", what, e.toString());
    }
  }
}

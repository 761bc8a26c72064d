package io.contractflow.notification;

import io.contractflow.platform.health.HealthChecks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail delivery: SMTP or the platform's inbox, and the outbox's sender running on a timer of its own. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class NotificationConfiguration {

  @Bean
  MailDelivery mailDelivery(MailProperties properties, ObjectProvider<JavaMailSender> sender) {
    if (properties.delivery() == MailProperties.Delivery.SMTP) {
      JavaMailSender smtp = sender.getIfAvailable();
      if (smtp == null) {
        throw new IllegalStateException(
            "contractflow.notifications.delivery=smtp needs an SMTP server: set spring.mail.host (SPRING_MAIL_HOST)");
      }
      return new SmtpDelivery(smtp, properties);
    }
    return new InboxDelivery();
  }

  /** The mail server's health, when mail goes out by SMTP (Spring's own "mail" indicator is off: not cached). */
  @Bean
  @ConditionalOnProperty(name = "contractflow.notifications.delivery", havingValue = "smtp")
  SmtpHealthIndicator smtpHealthIndicator(ObjectProvider<JavaMailSender> sender, HealthChecks checks) {
    if (!(sender.getIfAvailable() instanceof JavaMailSenderImpl smtp)) {
      throw new IllegalStateException(
          "contractflow.notifications.delivery=smtp needs an SMTP server: set spring.mail.host (SPRING_MAIL_HOST)");
    }
    return new SmtpHealthIndicator(smtp, checks);
  }

  @Bean
  MailDispatcher mailDispatcher(NotificationEvents events, Notifier notifier, MailOutbox outbox,
      MailDelivery delivery, MailProperties properties, PlatformTransactionManager transactions) {
    return new MailDispatcher(events, notifier, outbox, delivery, properties, new TransactionTemplate(transactions));
  }

  /**
   * Runs the dispatcher every poll interval, and the housekeeping (renewal reminders, daily digests, retention)
   * every housekeeping interval, from start-up (after the database is migrated) to shutdown.
   */
  @Bean
  SmartLifecycle mailSending(MailDispatcher dispatcher, MailProperties properties, RenewalReminders reminders,
      DailyDigest digests, MailRetention retention, java.time.Clock clock) {
    return new SmartLifecycle() {
      private ThreadPoolTaskScheduler scheduler;

      @Override
      public void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("mail-outbox-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(15);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(() -> {
          try {
            dispatcher.work();
          } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MailDispatcher.class).warn("Mail outbox pass failed: {}", e.toString());
          }
        }, properties.pollInterval());
        scheduler.scheduleWithFixedDelay(() -> {
          housekeeping("renewal reminders", () -> reminders.scan(clock.instant()));
          housekeeping("daily digests", () -> digests.sendDue(clock.instant()));
          housekeeping("retention", () -> retention.purge(clock.instant(), MailRetention.BATCH));
        }, properties.housekeepingInterval());
      }

      private void housekeeping(String what, Runnable step) {
        try {
          step.run();
        } catch (RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(MailDispatcher.class).warn("Mail {} failed: {}", what, e.toString());
        }
      }

      @Override
      public void stop() {
        if (scheduler != null) {
          scheduler.shutdown();
          scheduler = null;
        }
      }

      @Override
      public boolean isRunning() {
        return scheduler != null;
      }
    };
  }
}

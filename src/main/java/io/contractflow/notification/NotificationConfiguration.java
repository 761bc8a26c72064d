package io.contractflow.notification;

import io.contractflow.platform.health.HealthChecks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Mail delivery: SMTP or the platform's inbox (mail is sent by the outbox's worker: {@link
 * MailSending}), and the housekeeping on a schedule ({@link NotificationHousekeeping}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
@EnableScheduling
class NotificationConfiguration {

  static {
    MailStreamProviderPin.pin();
  }

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

  /**
   * The mail server's health, when mail goes out by SMTP (Spring's own "mail" indicator is off: not
   * cached).
   */
  @Bean
  @ConditionalOnProperty(name = "contractflow.notifications.delivery", havingValue = "smtp")
  SmtpHealthIndicator smtpHealthIndicator(
      ObjectProvider<JavaMailSender> sender, HealthChecks checks) {
    if (!(sender.getIfAvailable() instanceof JavaMailSenderImpl smtp)) {
      throw new IllegalStateException(
          "contractflow.notifications.delivery=smtp needs an SMTP server: set spring.mail.host (SPRING_MAIL_HOST)");
    }
    return new SmtpHealthIndicator(smtp, checks);
  }
}

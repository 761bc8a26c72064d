package io.contractflow.notification;

import io.contractflow.platform.health.CachedHealthCheck;
import io.contractflow.platform.health.HealthChecks;
import jakarta.mail.MessagingException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Health component {@code smtp} (with {@code contractflow.notifications.delivery=smtp}): the mail
 * server accepts a connection and the login (JavaMail's connect and QUIT, with the configured
 * timeouts). Not in the readiness group: mail waits in the outbox while the server is down and goes
 * out when it is back.
 */
class SmtpHealthIndicator implements HealthIndicator {

  private final CachedHealthCheck check;

  SmtpHealthIndicator(JavaMailSenderImpl sender, HealthChecks checks) {
    this.check =
        checks.cached(
            () -> {
              try {
                sender.testConnection();
              } catch (MessagingException e) {
                return Health.down()
                    .withDetail("server", sender.getHost() + ":" + sender.getPort())
                    .withDetail("error", e.toString())
                    .build();
              }
              return Health.up()
                  .withDetail("server", sender.getHost() + ":" + sender.getPort())
                  .build();
            });
  }

  @Override
  public Health health() {
    return check.health();
  }
}

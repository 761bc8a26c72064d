package io.contractflow.report;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reports' settings ({@code contractflow.reports.*}); the embedded default needs none.
 *
 * @param weeklyMail the weekly report mail to the contract admins: off unless enabled
 */
@ConfigurationProperties("contractflow.reports")
public record ReportProperties(@DefaultValue WeeklyMail weeklyMail) {

  /**
   * @param enabled whether the contract admins get the weekly report mail (opt-in)
   * @param cron when it goes out (Spring cron: second minute hour day month weekday), in {@code
   *     zone}; Monday 07:00 by default
   * @param zone the time zone of {@code cron}
   */
  public record WeeklyMail(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("0 0 7 * * MON") String cron,
      @DefaultValue("UTC") ZoneId zone) {}
}

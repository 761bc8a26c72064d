package io.contractflow.report;

import io.contractflow.contract.ContractScope;
import io.contractflow.identity.Role;
import io.contractflow.notification.MailProperties;
import io.contractflow.notification.Mails;
import io.contractflow.notification.OutgoingMail;
import io.contractflow.notification.People;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The weekly report mail to the contract admins, opt-in ({@code
 * contractflow.reports.weekly-mail.enabled}): the portfolio by status, what ends or needs notice in
 * the next 30 days, the reviews overdue or escalated now, and last month's review outcomes, with
 * the links to the full reports. Written through the notification feature's mail (sent like every
 * other mail: SMTP or the inbox); one mail per admin and ISO week (the key {@code
 * weekly-report:<user>:<week>}), so with two nodes only one is sent.
 */
@Component
class WeeklyReportMail {

  static final String EVENT = "weekly-report";
  private static final int LISTED = 20;

  private final ReportProperties properties;
  private final Reports reports;
  private final People people;
  private final Mails mails;
  private final MailProperties mail;
  private final TransactionTemplate transactions;
  private final Clock clock;

  WeeklyReportMail(
      ReportProperties properties,
      Reports reports,
      People people,
      Mails mails,
      MailProperties mail,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.properties = properties;
    this.reports = reports;
    this.people = people;
    this.mails = mails;
    this.mail = mail;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Scheduled(
      cron = "${contractflow.reports.weekly-mail.cron:0 0 7 * * MON}",
      zone = "${contractflow.reports.weekly-mail.zone:UTC}")
  void onSchedule() {
    if (!properties.weeklyMail().enabled()) {
      return;
    }
    // a failure is logged by the scheduler; next week's run tries again
    LocalDate today = LocalDate.now(clock.withZone(properties.weeklyMail().zone()));
    send(
        today.get(IsoFields.WEEK_BASED_YEAR)
            + "-W"
            + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
  }

  /**
   * Writes the report mail of one edition (an ISO week, {@code 2026-W49}) for every contract admin
   * with an address, once per admin and edition; how many were written.
   */
  int send(String week) {
    ContractScope all = ContractScope.everything();
    Report portfolio = reports.portfolio(all);
    Report renewals = reports.renewals(all, 30);
    Report overdue = reports.overdueReviews(all, 1);
    Report outcomes = reports.approvalOutcomes(all, 1);
    String subject = mail.platformName() + ": weekly report " + week;
    String text = text(week, portfolio, renewals, overdue, outcomes);
    String html = "<pre style=\"font-family: monospace\">" + HtmlUtils.htmlEscape(text) + "</pre>";
    List<People.Person> admins = people.membersOf(Role.CONTRACT_ADMIN.groupId());
    int written = 0;
    for (People.Person admin : admins) {
      Boolean done =
          transactions.execute(
              status ->
                  mails.enqueue(
                      new OutgoingMail(
                          EVENT + ":" + admin.userId() + ":" + week,
                          EVENT,
                          null,
                          admin.userId(),
                          admin.email(),
                          subject,
                          "Hello " + admin.name() + ",\n\n" + text,
                          html),
                      Mails.Handling.IMMEDIATE));
      if (Boolean.TRUE.equals(done)) {
        written++;
      }
    }
    return written;
  }

  private String text(
      String week, Report portfolio, Report renewals, Report overdue, Report outcomes) {
    String base = mail.baseUrl().replaceAll("/+$", "");
    StringBuilder out = new StringBuilder();
    out.append("The weekly report of ").append(week).append(", over all contracts.\n\n");
    out.append("Portfolio by status (contracts, value in ")
        .append(portfolio.parameters().get("baseCurrency"))
        .append("):\n");
    for (List<Object> row : portfolio.table().rows()) {
      if ("status".equals(row.get(0))) {
        out.append("  ")
            .append(row.get(1))
            .append(": ")
            .append(row.get(2))
            .append(", ")
            .append(row.get(3))
            .append('\n');
      }
    }
    List<List<Object>> ending = renewals.table().rows();
    out.append("\nEnding or needing notice in the next 30 days: ")
        .append(ending.size())
        .append(" active contracts\n");
    for (List<Object> row : ending.subList(0, Math.min(LISTED, ending.size()))) {
      out.append("  ")
          .append(row.get(0))
          .append(" ")
          .append(row.get(1))
          .append(" (")
          .append(row.get(4))
          .append("): ends ")
          .append(row.get(5))
          .append(row.get(7) == null ? "" : ", notice by " + row.get(7))
          .append('\n');
    }
    if (ending.size() > LISTED) {
      out.append("  … and ").append(ending.size() - LISTED).append(" more\n");
    }
    List<List<Object>> late = overdue.table().rows();
    long escalated = late.stream().filter(r -> Boolean.TRUE.equals(r.get(8))).count();
    out.append("\nReviews past due or escalated now: ")
        .append(late.size())
        .append(" (escalated: ")
        .append(escalated)
        .append(")\n");
    for (List<Object> row : late.subList(0, Math.min(LISTED, late.size()))) {
      out.append("  ")
          .append(row.get(0))
          .append(" ")
          .append(row.get(1))
          .append(": ")
          .append(row.get(3))
          .append(row.get(7) == null ? "" : ", " + row.get(7) + " days overdue")
          .append(Boolean.TRUE.equals(row.get(8)) ? ", escalated" : "")
          .append('\n');
    }
    outcomes.table().rows().stream()
        .filter(r -> "total".equals(r.get(1)))
        .findFirst()
        .ifPresent(
            r ->
                out.append("\nReview rounds this month: ")
                    .append(r.get(2))
                    .append(" approved, ")
                    .append(r.get(3))
                    .append(" rejected, ")
                    .append(r.get(4))
                    .append(" with changes requested\n"));
    out.append("\nThe full reports, with CSV and XLSX exports: ")
        .append(base)
        .append("/api/reports/{portfolio,renewals,cycle-times,approval-outcomes,overdue-reviews,")
        .append("signing-times}\n");
    out.append(
        "\nYou receive this mail because contractflow.reports.weekly-mail.enabled is set.\n");
    return out.toString();
  }
}

package io.contractflow.report;

import io.contractflow.contract.ContractScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports, each computed for a {@link ContractScope}: what the caller may read (their own and
 * shared contracts), or everything for admins and auditors. Read-only transactions: a report's
 * statements see one snapshot.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

  private final PortfolioReport portfolio;
  private final RenewalsReport renewals;
  private final CycleTimeReport cycleTimes;
  private final ApprovalOutcomesReport approvalOutcomes;
  private final OverdueReviewsReport overdueReviews;
  private final SigningTimeReport signingTimes;

  Reports(
      PortfolioReport portfolio,
      RenewalsReport renewals,
      CycleTimeReport cycleTimes,
      ApprovalOutcomesReport approvalOutcomes,
      OverdueReviewsReport overdueReviews,
      SigningTimeReport signingTimes) {
    this.portfolio = portfolio;
    this.renewals = renewals;
    this.cycleTimes = cycleTimes;
    this.approvalOutcomes = approvalOutcomes;
    this.overdueReviews = overdueReviews;
    this.signingTimes = signingTimes;
  }

  public Report portfolio(ContractScope scope) {
    return portfolio.build(scope);
  }

  public Report renewals(ContractScope scope, Integer days) {
    return renewals.build(scope, days);
  }

  public Report cycleTimes(ContractScope scope, Integer months) {
    return cycleTimes.build(scope, months);
  }

  public Report approvalOutcomes(ContractScope scope, Integer months) {
    return approvalOutcomes.build(scope, months);
  }

  public Report overdueReviews(ContractScope scope, Integer months) {
    return overdueReviews.build(scope, months);
  }

  public Report signingTimes(ContractScope scope, Integer months) {
    return signingTimes.build(scope, months);
  }
}
